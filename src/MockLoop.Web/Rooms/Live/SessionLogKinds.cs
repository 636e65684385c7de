using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms.Live;

/// <summary>The kinds of entries in a session's log (the contract's names).</summary>
public static class SessionLogKinds
{
    public const string Timer = SessionEventKinds.Timer;
    public const string Chat = SessionEventKinds.Chat;
    public const string Note = SessionEventKinds.Note;
    public const string Diagram = SessionEventKinds.Diagram;
    public const string Score = SessionEventKinds.Score;
    public const string Self = SessionEventKinds.Self;
    public const string Scorecard = SessionEventKinds.Scorecard;
    public const string RedFlag = SessionEventKinds.RedFlag;
    public const string Private = SessionEventKinds.Private;
}

public static class LiveLimits
{
    public const int ChatMaxLength = SessionLimits.ChatMaxLength;
    public const int NoteMaxLength = SessionLimits.NoteMaxLength;
    public const int ClientIdMaxLength = 64;
    /// <summary>Past this many missed entries a reconnecting client gets a snapshot instead.</summary>
    public const int MaxCatchUpEvents = 500;
    /// <summary>How many recent change ids a session remembers per author key before relying on the database's key.</summary>
    public const int ResendWindow = 2000;
    public const int ChatKept = SessionLimits.ChatKept;
    public const int ChatPageSize = 100;
}
