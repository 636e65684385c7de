using MockLoop.Core.Sessions;
using MockLoop.Web.Rooms.Grains;

namespace MockLoop.Web.Rooms;

/// <summary>
/// The hub's one door to a session's single writer: the session's grain, wherever it lives
/// (<see cref="Grains.GrainRoomSessions"/>).
/// </summary>
public interface IRoomSessions
{
    /// <summary>
    /// Whether a session's connections may sit on other nodes (the cluster has more than this one). When not, the hub
    /// skips building relays altogether: cursors and drag previews are the busiest messages, and a relay nobody needs
    /// would cost a JSON copy and a grain call each.
    /// </summary>
    bool SpansNodes { get; }

    /// <summary>A connection of <paramref name="userId"/> opened on this node. Null: the session does not exist.</summary>
    Task<PresenceChange?> ConnectedAsync(Guid sessionId, Guid userId, InterviewSession row, IReadOnlyList<Participant> participants);

    /// <summary>A connection closed; Changed when the user went offline for the session.</summary>
    Task<PresenceChange> DisconnectedAsync(Guid sessionId, Guid userId);

    Task<CommandResult> SubmitAsync(Guid sessionId, Guid userId, LiveCommand command, string? clientId);

    /// <summary>Null for someone without a seat.</summary>
    Task<SyncResult?> SyncAsync(Guid sessionId, Guid userId, long lastSeq, CancellationToken ct);

    /// <summary>Null for someone without a seat.</summary>
    Task<ChatPage?> ChatBeforeAsync(Guid sessionId, Guid userId, long beforeSeq, CancellationToken ct);

    /// <summary>Starts (or finds) the return match and announces it to the session's connections.</summary>
    Task<CommandResult> StartReturnMatchAsync(Guid sessionId, Guid userId, string startedBy);

    /// <summary>
    /// Volatile traffic the hub already sent to this node's connections, for the session's connections on other
    /// nodes. Not awaited by callers and never stored.
    /// </summary>
    Task RelayAsync(Guid sessionId, RoomRelay relay);
}
