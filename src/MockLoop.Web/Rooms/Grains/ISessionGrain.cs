using MockLoop.Core.Sessions;
using MockLoop.Web.Rooms.Live;
using Orleans.Concurrency;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>
/// One live session in the cluster (one node or many): its single writer, wherever Orleans places it.
/// Every node with connections for the session subscribes and forwards what it publishes to its own connections.
/// </summary>
[Alias("live-session")]
public interface ISessionGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Registers (or refreshes) a node with the connections it holds per user (so presence survives a failover);
    /// returns this activation's epoch, the last sequence it holds and what the node missed after
    /// <paramref name="forwardedUpTo"/> (-1: nothing to catch up, the node's clients Sync when they connect).
    /// </summary>
    Task<SessionSubscription> Subscribe(string node, ISessionNodeObserver observer, Dictionary<Guid, int> connections, long forwardedUpTo);

    Task Unsubscribe(string node);

    /// <summary>Seats fill after a session is created; a node passes them when a participant connects.</summary>
    Task RefreshSeats(Guid? interviewerId, Guid? candidateId, Dictionary<Guid, string> names);

    /// <summary>
    /// The command is never changed after the hub parsed it, so it crosses uncopied (<c>[Immutable]</c>): a copy on the
    /// grain's own node was a JSON round trip per change (ADR 130).
    /// </summary>
    Task<CommandResult> Submit(Guid userId, [Immutable] LiveCommand command, string? clientId);

    Task<SyncResult?> Sync(Guid userId, long lastSeq);

    /// <summary>Interleaved: the page is read from the log, and that read must never hold up the session's writer.</summary>
    [AlwaysInterleave]
    Task<ChatPage?> ChatBefore(Guid userId, long beforeSeq);

    Task<CommandResult> StartReturnMatch(Guid userId, string startedBy);

    /// <summary>
    /// A node opened or closed a connection of a user and now holds <paramref name="connections"/> of that user's
    /// (absolute, so a subscription refresh that already counted the change cannot make it count twice); answers who
    /// is online across the cluster.
    /// </summary>
    Task<PresenceChange> Presence(string node, Guid userId, int connections);

    /// <summary>Volatile traffic (cursor, drag preview, call signalling, presence) for the other nodes' connections.</summary>
    [AlwaysInterleave]
    Task Relay(string fromNode, RoomRelay relay);
}

/// <summary>A node's end of a session: one-way, so a dead or slow node never holds the session's writer up.</summary>
public interface ISessionNodeObserver : IGrainObserver
{
    [OneWay] Task Published(Guid sessionId, SessionPublication publication);

    [OneWay] Task Relayed(Guid sessionId, RoomRelay relay);

    /// <summary>
    /// The activation this node subscribed to went because a newer writer replaced it (ADR 160): the node subscribes
    /// again now, so the live activation publishes to it, instead of at its next refresh.
    /// </summary>
    [OneWay] Task Replaced(Guid sessionId);
}

/// <param name="Missed">Publications after the node's last forwarded entry (null: too far back; its clients Sync).</param>
[GenerateSerializer]
public sealed record SessionSubscription(
    [property: Id(0)] Guid Epoch, [property: Id(1)] long Seq, [property: Id(2)] bool Exists, [property: Id(3)] SessionPublication[]? Missed);

/// <param name="Changed">The user came online (or went offline) for the whole cluster, not just on this node.</param>
[GenerateSerializer]
public sealed record PresenceChange([property: Id(0)] bool Changed, [property: Id(1)] Guid[] Online);

/// <summary>A volatile hub message for one seat's connections (or both), as JSON the node passes on untouched.</summary>
[GenerateSerializer, Immutable]
public sealed record RoomRelay([property: Id(0)] string Method, [property: Id(1)] string? Group, [property: Id(2)] byte[] Json);
