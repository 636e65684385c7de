namespace MockLoop.Web.Rooms.Live;

/// <summary>The kinds of entries in a session's log, and the payloads of the kinds that are not Core events.</summary>
public static class SessionLogKinds
{
    public const string Timer = "timer";
    public const string Chat = "chat";
    public const string Note = "note";
    public const string Diagram = "diagram";
    public const string Score = "score";
    public const string Self = "self";
    public const string Scorecard = "scorecard";
    public const string RedFlag = "redflag";
    public const string Private = "private";
}

public sealed record ChatPosted(string Text);

public sealed record NoteSaved(string StepId, string Text);

public static class LiveLimits
{
    public const int ChatMaxLength = 2000;
    public const int NoteMaxLength = 10_000;
    public const int ClientIdMaxLength = 64;
    /// <summary>Past this many missed entries a reconnecting client gets a snapshot instead.</summary>
    public const int MaxCatchUpEvents = 500;
    /// <summary>How many recent change ids a session remembers per author key before relying on the database's key.</summary>
    public const int ResendWindow = 2000;
}
