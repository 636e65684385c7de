namespace MockLoop.Core.Contracts;

/// <summary>
/// The names of the interview hub's methods a client may invoke, with their arguments in order. The server's hub
/// defines them (some take services as extra, server-only parameters, so the hub cannot implement an interface);
/// a test checks each name here is a method of the hub with these arguments.
/// </summary>
public static class InterviewHubMethods
{
    /// <summary>(long lastSeq) → <see cref="SyncResult"/>.</summary>
    public const string Sync = "Sync";

    /// <summary>(TimerCommand command, string? clientId) → <see cref="CommandResult"/>: the union, e.g. {"type":"goToStep","stepIndex":2}.</summary>
    public const string Timer = "Timer";

    /// <summary>(string text, string? clientId) → <see cref="CommandResult"/>.</summary>
    public const string SendChat = "SendChat";

    /// <summary>(string stepId, string text, string? clientId) → <see cref="CommandResult"/>.</summary>
    public const string SaveNote = "SaveNote";

    /// <summary>(DiagramOp op) → <see cref="CommandResult"/>.</summary>
    public const string SubmitOp = "SubmitOp";

    /// <summary>(double x, double y), volatile.</summary>
    public const string Cursor = "Cursor";

    /// <summary>(string nodeId, double x, double y), volatile.</summary>
    public const string DragPreview = "DragPreview";

    /// <summary>
    /// (string stepId, string criterionId, int? level, string? note, bool neededHint, int[] signals, string? clientId)
    /// → <see cref="CommandResult"/>: a score with its marks. Level 4 needs two strong signals; a hint caps it at 3.
    /// </summary>
    public const string ScoreCriterionMarks = "ScoreCriterionMarks";

    /// <summary>(string stepId, string flagId, bool raised, string? clientId) → <see cref="CommandResult"/>.</summary>
    public const string RecordRedFlag = "RecordRedFlag";

    /// <summary>(string stepId, string criterionId, int? level, string? clientId) → <see cref="CommandResult"/>.</summary>
    public const string SelfAssess = "SelfAssess";

    /// <summary>(string targetLevel, string strengths, string improvements, string nextStep, string? clientId) → <see cref="CommandResult"/>.</summary>
    public const string SubmitScorecard = "SubmitScorecard";

    /// <summary>() → <see cref="CommandResult"/> whose Location is the new room.</summary>
    public const string StartReturnMatch = "StartReturnMatch";

    /// <summary>() → IceServerView[].</summary>
    public const string CallIceServers = "CallIceServers";

    /// <summary>(CallPresenceRequest) → <see cref="CallResult"/>.</summary>
    public const string CallPresence = "CallPresence";

    /// <summary>(CallDescriptionRequest) → <see cref="CallResult"/>.</summary>
    public const string CallDescription = "CallDescription";

    /// <summary>(CallCandidateRequest) → <see cref="CallResult"/>.</summary>
    public const string CallCandidate = "CallCandidate";

    /// <summary>(long beforeSeq) → <see cref="ChatPage"/>: older chat than the snapshot keeps, newest first.</summary>
    public const string ChatBefore = "ChatBefore";

    /// <summary>Every name above, for the test that holds the hub to them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Sync, Timer, SendChat, SaveNote, SubmitOp, Cursor, DragPreview, ScoreCriterionMarks, RecordRedFlag,
        SelfAssess, SubmitScorecard,
        StartReturnMatch, CallIceServers, CallPresence, CallDescription, CallCandidate, ChatBefore,
    ];
}
