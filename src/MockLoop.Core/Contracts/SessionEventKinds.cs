namespace MockLoop.Core.Contracts;

/// <summary>The kinds of entries in a session's log: <see cref="SessionEvent"/>'s discriminators, and the log's kind column.</summary>
public static class SessionEventKinds
{
    public const string Timer = "timer";
    public const string Chat = "chat";
    public const string Note = "note";
    public const string Diagram = "diagram";
    public const string Score = "score";
    public const string Self = "self";
    public const string Scorecard = "scorecard";
    public const string RedFlag = "redflag";

    /// <summary>An interviewer-only entry as the candidate sees it: nothing but its sequence number.</summary>
    public const string Private = "private";
}
