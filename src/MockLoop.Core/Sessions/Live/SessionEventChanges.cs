using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Sessions;

/// <summary>
/// From a stored event back to the change it records, for the rules' state (<see cref="SessionState.Apply"/>): every
/// kind carries its change whole, so loading a session, a snapshot and a replay rebuild the state the writer had.
/// </summary>
public static class SessionEventChanges
{
    public static SessionChange ToChange(SessionEvent stored) => stored switch
    {
        TimerEntry timer => new TimerChanged(timer.Event),
        DiagramEntry diagram => new DiagramChanged(new DiagramEvent(diagram.Op, stored.At)),
        ChatEntry chat => new ChatPosted(chat.Chat.Text),
        NoteEntry note => new NoteSaved(note.Note.StepId, note.Note.Text),
        ScoreEntry score => new CriterionScored(
            score.Score.StepId, score.Score.CriterionId, score.Score.Level, score.Score.Note, score.Score.NeededHint, score.Score.Signals),
        SelfEntry self => new SelfAssessed(self.Score.StepId, self.Score.CriterionId, self.Score.Level),
        RedFlagEntry flag => new RedFlagRecorded(flag.StepId, flag.FlagId, flag.Raised),
        ScorecardEntry card => new ScorecardSubmitted(
            card.Scorecard.TargetLevel, card.Scorecard.Strengths, card.Scorecard.Improvements, card.Scorecard.NextStep),
        _ => throw new System.Text.Json.JsonException($"A {stored.GetType().Name} is never stored in a session log."),
    };
}
