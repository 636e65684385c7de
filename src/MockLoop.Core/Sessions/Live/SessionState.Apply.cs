using System.Collections.Immutable;
using MockLoop.Core.Contracts;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Sessions;

public sealed partial record SessionState
{
    /// <summary>
    /// Folds one durable entry into the state. Pure: the live session applies an entry only after it is stored, and
    /// loading a session applies the stored entries in order, so both give the same state.
    /// </summary>
    public static SessionState Apply(SessionState state, SessionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(entry);
        var next = state with { Seq = entry.Seq };
        return entry.Change switch
        {
            TimerChanged timer => next with
            {
                Timer = TimerState.Apply(state.Timer, timer.Event),
                Status = timer.Event switch
                {
                    TimerStarted => SessionStatus.Live,
                    TimerEnded => SessionStatus.Ended,
                    _ => state.Status,
                },
            },
            DiagramChanged diagram => next with { Diagram = state.Diagram.Apply(diagram.Event) },
            ChatPosted chat => WithChat(next, new ChatLine(entry.Seq, entry.AuthorId, chat.Text, entry.At)),
            NoteSaved note => next with
            {
                Notes = Upsert(state.Notes, new NoteView(note.StepId, note.Text, entry.At), n => n.StepId == note.StepId),
            },
            CriterionScored score => next with
            {
                Scores = Upsert(state.Scores, score, s => s.StepId == score.StepId && s.CriterionId == score.CriterionId),
            },
            SelfAssessed self => next with
            {
                SelfScores = Upsert(state.SelfScores, self, s => s.StepId == self.StepId && s.CriterionId == self.CriterionId),
            },
            RedFlagRecorded flag => next with { RedFlags = WithFlag(state.RedFlags, new RedFlagRef(flag.StepId, flag.FlagId), flag.Raised) },
            ScorecardSubmitted submitted => next with { Scorecard = new SubmittedScorecard(submitted, entry.At) },
            _ => throw new ArgumentException($"Unknown change {entry.Change.GetType().Name}.", nameof(entry)),
        };
    }

    private static SessionState WithChat(SessionState state, ChatLine line)
    {
        var chat = state.Chat.Add(line);
        // Bounded: older messages stay in the log and are paged on request.
        return chat.Count > SessionLimits.ChatKept
            ? state with { Chat = chat.RemoveRange(0, chat.Count - SessionLimits.ChatKept), OlderChat = true }
            : state with { Chat = chat };
    }

    /// <summary>Replaces the item the predicate finds in place (keeping first-seen order), or appends it.</summary>
    private static ImmutableList<T> Upsert<T>(
        ImmutableList<T> list, T item, Predicate<T> same)
    {
        var index = list.FindIndex(same);
        return index < 0 ? list.Add(item) : list.SetItem(index, item);
    }

    private static ImmutableList<RedFlagRef> WithFlag(
        ImmutableList<RedFlagRef> flags, RedFlagRef flag, bool raised) =>
        raised
            ? flags.Contains(flag) ? flags : flags.Add(flag)
            : flags.Remove(flag);
}
