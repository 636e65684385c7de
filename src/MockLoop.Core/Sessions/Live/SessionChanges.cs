using System.Text.Json.Serialization;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Sessions;

/// <summary>
/// What one entry of a session's log changed. Each kind is stored as its own JSON payload (see
/// <see cref="SessionChangeJson"/>); the kind names are the hub contract's, so entries reach clients unchanged.
/// </summary>
public abstract record SessionChange
{
    [JsonIgnore]
    public abstract string Kind { get; }
}

public sealed record TimerChanged(TimerEvent Event) : SessionChange
{
    [JsonIgnore]
    public override string Kind => SessionEventKinds.Timer;
}

public sealed record DiagramChanged(DiagramEvent Event) : SessionChange
{
    [JsonIgnore]
    public override string Kind => SessionEventKinds.Diagram;
}

public sealed record ChatPosted(string Text) : SessionChange
{
    [JsonIgnore]
    public override string Kind => SessionEventKinds.Chat;
}

/// <summary>The interviewer's private note on one step (replaces the previous one).</summary>
public sealed record NoteSaved(string StepId, string Text) : SessionChange
{
    [JsonIgnore]
    public override string Kind => SessionEventKinds.Note;
}

/// <summary>The interviewer's level for a criterion (null: not assessed).</summary>
/// <param name="NeededHint">Counts the criterion at most 3 (absent in entries written before rubric v2).</param>
/// <param name="Signals">Strong signals ticked, by index into the criterion's list.</param>
public sealed record CriterionScored(string StepId, string CriterionId, int? Level, string? Note, bool NeededHint = false, IReadOnlyList<int>? Signals = null) : SessionChange
{
    [JsonIgnore]
    public override string Kind => SessionEventKinds.Score;
}

/// <summary>The candidate's own level for a criterion, after the interview (null: not assessed).</summary>
public sealed record SelfAssessed(string StepId, string CriterionId, int? Level) : SessionChange
{
    [JsonIgnore]
    public override string Kind => SessionEventKinds.Self;
}

/// <summary>A red flag recorded (Raised) or withdrawn.</summary>
public sealed record RedFlagRecorded(string StepId, string FlagId, bool Raised) : SessionChange
{
    [JsonIgnore]
    public override string Kind => SessionEventKinds.RedFlag;
}

public sealed record ScorecardSubmitted(string TargetLevel, string Strengths, string Improvements, string NextStep) : SessionChange
{
    [JsonIgnore]
    public override string Kind => SessionEventKinds.Scorecard;
}

/// <summary>One durable entry of the log: the change, who made it, when, who may see it, under which sequence.</summary>
/// <param name="ClientId">The sender's change id, so a resend is recognised (per author, docs/decisions/053).</param>
public sealed record SessionEntry(long Seq, Guid AuthorId, DateTimeOffset At, Audience Audience, string? ClientId, SessionChange Change)
{
    public string Kind => Change.Kind;
}
