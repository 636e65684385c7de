using MockLoop.Core.Text;

namespace MockLoop.Core.Sessions;

/// <summary>
/// Who may do what in a live session, and what it changes: a command, the author's seat and the current state in,
/// a change to store (or a refusal) out. Pure, like <see cref="TimerDecider"/> and <see cref="Diagrams.DiagramRules"/>,
/// which it calls for the timer and the canvas.
/// </summary>
public static partial class SessionRules
{
    public static SessionDecision Decide(
        SessionDefinition definition, SessionState state, SeatRole role, LiveCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            DriveTimer drive => DecideTimer(state, role, drive, now),
            PostChat chat => DecideChat(state, chat, now),
            WriteNote note => DecideNote(definition, state, role, note, now),
            EditDiagram edit => DecideDiagram(definition, state, edit, now),
            ScoreCriterion score => DecideScore(definition, state, role, score, now),
            RecordRedFlag flag => DecideRedFlag(definition, state, role, flag, now),
            SelfAssess self => DecideSelf(definition, state, role, self, now),
            SubmitScorecard submit => DecideScorecard(state, role, submit, now),
            _ => SessionDecision.Refuse("unknown_command", "Unknown command."),
        };
    }

    private static SessionDecision DecideTimer(SessionState state, SeatRole role, DriveTimer drive, DateTimeOffset now)
    {
        if (role != SeatRole.Interviewer)
        {
            return SessionDecision.Refuse("interviewer_only", "Only the interviewer drives the timer.");
        }
        var result = TimerDecider.Decide(state.Timer, drive.Command, now);
        return result.Event is { } timerEvent
            ? SessionDecision.Store(new TimerChanged(timerEvent), Audience.Everyone, timerEvent.At)
            : SessionDecision.Refuse(result.Error!.Code, result.Error.Message);
    }

    private static SessionDecision DecideChat(SessionState state, PostChat chat, DateTimeOffset now)
    {
        var text = chat.Text?.Trim() ?? "";
        if (Unstorable("chat message", text) is { } bad)
        {
            return bad;
        }
        if (text.Length == 0)
        {
            return SessionDecision.Refuse("empty", "A chat message cannot be empty.");
        }
        if (text.Length > SessionLimits.ChatMaxLength)
        {
            return SessionDecision.Refuse("too_long", $"A chat message has at most {SessionLimits.ChatMaxLength} characters.");
        }
        if (state.IsEnded)
        {
            return SessionDecision.Refuse("ended", "The interview has ended; the chat is read-only.");
        }
        return SessionDecision.Store(new ChatPosted(text), Audience.Everyone, now);
    }

    private static SessionDecision DecideNote(SessionDefinition definition, SessionState state, SeatRole role, WriteNote note, DateTimeOffset now)
    {
        if (role != SeatRole.Interviewer)
        {
            return SessionDecision.Refuse("interviewer_only", "Only the interviewer keeps notes.");
        }
        if (state.IsEnded)
        {
            // As both rooms show it: once the interview ended its notes are part of the record, like the chat.
            return SessionDecision.Refuse("ended", "The interview has ended; the notes are read-only.");
        }
        if (Unstorable("note", note.Text) is { } bad)
        {
            return bad;
        }
        if (definition.Rubric.FindStep(note.StepId ?? "") is null)
        {
            return SessionDecision.Refuse("unknown_step", $"The rubric has no step '{note.StepId}'.");
        }
        if ((note.Text ?? "").Length > SessionLimits.NoteMaxLength)
        {
            return SessionDecision.Refuse("too_long", $"A note has at most {SessionLimits.NoteMaxLength} characters.");
        }
        // Private to the interviewer for good: notes are never revealed, not even with the scorecard.
        return SessionDecision.Store(new NoteSaved(note.StepId ?? "", note.Text ?? ""), Audience.Interviewer, now);
    }

    private static SessionDecision DecideDiagram(SessionDefinition definition, SessionState state, EditDiagram edit, DateTimeOffset now)
    {
        if (state.IsEnded)
        {
            return SessionDecision.Refuse("ended", "The interview has ended; the diagram is read-only.");
        }
        var decided = definition.DiagramRules.Decide(state.Diagram, edit.Op, now);
        return decided.Event is { } diagramEvent
            ? SessionDecision.Store(new DiagramChanged(diagramEvent), Audience.Everyone, now)
            : SessionDecision.Refuse(decided.Error!.Code, decided.Error.Message);
    }

    /// <summary>Text PostgreSQL cannot store is refused before it reaches the log (and the group commit).</summary>
    private static SessionDecision? Unstorable(string what, string? text) =>
        StorableText.Check(text) is { } problem
            ? SessionDecision.Refuse(StorableText.ErrorCode,
                $"The {what} {problem.Describe()}, which cannot be stored. Remove it and try again.")
            : null;
}
