using MockLoop.Core.Sessions;
using MockLoop.Web.Cluster;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>
/// A thin shell around <see cref="SessionWriter"/>: load from the log (snapshot + tail), then receive → decide (Core)
/// → persist (group commit) → apply → publish to the subscribed nodes → acknowledge. A writer that lost track of the
/// log (database trouble, a conflicting writer) deactivates, and the next call loads a fresh one from the log. An
/// activation that finds the database down stays unloaded and loads on the next call instead (ADR 112): a change is
/// answered <c>unavailable</c> meanwhile, never an error. Placed on the node that first asks for it (ADR 105): the node
/// a participant is connected to, so most calls stay on it.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class SessionGrain(
    IServiceScopeFactory scopes, SessionLogWriter log, SessionSnapshotWriter snapshots, TimeProvider clock,
    [FromKeyedServices(ClusterRegistration.RealTime)] TimeProvider realTime,
    SessionGrainCount count, ClusterSessions thisNode, ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    /// <summary>A node that has not refreshed its subscription for this long is treated as gone.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromSeconds(30);

    private readonly Guid _epoch = Guid.NewGuid();
    private readonly Dictionary<string, SubscribedNode> _nodes = [];
    /// <summary>Presence lives with the session: each user's open connections, per node.</summary>
    private readonly SessionPresence _presence = new();
    private SessionWriter? _writer;
    /// <summary>Whether the log was read (the session may still not exist: then there is no writer).</summary>
    private bool _loaded;

    /// <summary>The writer for a command, or the answer instead: <c>unavailable</c> while the database is down, or not found.</summary>
    private async Task<(SessionWriter? Writer, CommandResult? Refusal)> WriterForCommandAsync()
    {
        try
        {
            return await LoadAsync() is { } writer
                ? (writer, null)
                : (null, CommandResult.Refused("not_found", "This interview no longer exists."));
        }
        catch (SessionStoreUnavailableException)
        {
            return (null, CommandResult.Unavailable());
        }
    }

    /// <summary>The writer itself, for tests that compare the state it holds with a load from the log.</summary>
    internal SessionWriter? Writer => _writer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
        }
        catch (SessionStoreUnavailableException ex)
        {
            logger.LogWarning(ex.InnerException, "Session {Session} could not be loaded; the next call tries again", this.GetPrimaryKey());
        }
    }

    /// <summary>Reads the session from its log once; throws <see cref="SessionStoreUnavailableException"/> while the database is down.</summary>
    private async Task<SessionWriter?> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded)
        {
            return _writer;
        }
        LoadedSession? loaded;
        try
        {
            loaded = await SessionLoader.LoadForWritingAsync(this.GetPrimaryKey(), scopes, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            throw new SessionStoreUnavailableException("The session could not be loaded: the database is unavailable.", ex);
        }
        _loaded = true;
        if (loaded is not null)
        {
            _writer = new SessionWriter(loaded, scopes, log, snapshots, clock, Publish);
            count.Activated();
            logger.LogInformation("Session {Session} active at {Seq}, epoch {Epoch} (snapshot {Snapshot}, {Replayed} entries replayed)",
                loaded.Row.Id, loaded.State.Seq, loaded.WriterEpoch, loaded.SnapshotSeq, loaded.Tail.Count);
        }
        return _writer;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            count.Deactivated();
        }
        if (_writer is { IsStale: true })
        {
            // Calls that reach this activation from now on go to its successor: the nodes subscribe to that one now,
            // or their connections would miss its publications until the next refresh.
            var id = this.GetPrimaryKey();
            foreach (var node in LiveNodes())
            {
                _ = node.Observer.Replaced(id);
            }
        }
        return Task.CompletedTask;
    }

    public async Task<SessionSubscription> Subscribe(string node, ISessionNodeObserver observer, Dictionary<Guid, int> connections, long forwardedUpTo)
    {
        await LoadAsync();
        _nodes[node] = new SubscribedNode(observer, thisNode.IsThisNode(observer), realTime.GetUtcNow());
        _presence.Adopt(node, connections);
        if (_writer is null)
        {
            return new SessionSubscription(_epoch, 0, false, []);
        }
        // Publications lost with a node, or sent before this activation knew the node, are caught up here.
        var missed = forwardedUpTo < 0 ? [] : await _writer.PublicationsAfterAsync(forwardedUpTo);
        return new SessionSubscription(_epoch, _writer.Seq, true, missed?.ToArray());
    }

    public Task Unsubscribe(string node)
    {
        _nodes.Remove(node);
        _presence.Forget(node);
        return Task.CompletedTask;
    }

    public async Task RefreshSeats(Guid? interviewerId, Guid? candidateId, Dictionary<Guid, string> names)
    {
        if (await LoadAsync() is { } writer)
        {
            await writer.RefreshSeatsAsync(interviewerId, candidateId, names);
        }
    }

    public async Task<CommandResult> Submit(Guid userId, LiveCommand command, string? clientId)
    {
        var (writer, refusal) = await WriterForCommandAsync();
        if (writer is null)
        {
            return refusal!;
        }
        var result = await writer.SubmitAsync(userId, command, clientId);
        if (writer.IsStale)
        {
            // Replaced by a newer writer (ADR 160) or unsure of the log: this activation goes as soon as this call
            // is answered, so the next call finds the live one or loads afresh.
            logger.LogInformation("Session {Session}: this activation's writer is stale; deactivating", writer.Id);
            DeactivateOnIdle();
        }
        return result;
    }

    public async Task<SyncResult?> Sync(Guid userId, long lastSeq) =>
        await LoadAsync() is { } writer ? await writer.SyncAsync(userId, lastSeq, CancellationToken.None) : null;

    public async Task<ChatPage?> ChatBefore(Guid userId, long beforeSeq) =>
        await LoadAsync() is { } writer ? await writer.ChatBeforeAsync(userId, beforeSeq, CancellationToken.None) : null;

    public async Task<CommandResult> StartReturnMatch(Guid userId, string startedBy)
    {
        var (writer, refusal) = await WriterForCommandAsync();
        if (writer is null)
        {
            return refusal!;
        }
        var (url, error) = await writer.StartReturnMatchAsync(userId);
        if (url is null)
        {
            return error!;
        }
        var announcement = RoomRelays.For(nameof(IRoomClient.ReturnMatch), RoomGroups.All(writer.Id), new ReturnMatchMessage(url, startedBy));
        foreach (var node in LiveNodes())
        {
            _ = node.Observer.Relayed(writer.Id, announcement);
        }
        return new CommandResult(true, Location: url);
    }

    public Task<PresenceChange> Presence(string node, Guid userId, int connections) =>
        Task.FromResult(_presence.Report(node, userId, connections));

    public Task Relay(string fromNode, RoomRelay relay)
    {
        var id = this.GetPrimaryKey();
        foreach (var (node, subscribed) in _nodes.Where(n => n.Key != fromNode && IsLive(n.Value.SeenAt)))
        {
            _ = subscribed.Observer.Relayed(id, relay);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs inside the writer's submit, in sequence order: this node's forwarder is handed the publication directly,
    /// every other live node gets one one-way message (ADR 130).
    /// </summary>
    private void Publish(SessionPublication publication)
    {
        var id = this.GetPrimaryKey();
        foreach (var node in LiveNodes())
        {
            if (node.IsThisNode)
            {
                thisNode.Forward(id, publication);
            }
            else
            {
                _ = node.Observer.Published(id, publication);
            }
        }
    }

    private Dictionary<string, SubscribedNode>.ValueCollection LiveNodes()
    {
        List<string>? gone = null;
        foreach (var (node, subscribed) in _nodes)
        {
            if (!IsLive(subscribed.SeenAt))
            {
                (gone ??= []).Add(node);
            }
        }
        foreach (var node in gone ?? [])
        {
            _nodes.Remove(node);
            _presence.Forget(node);
        }
        return _nodes.Values;
    }

    /// <param name="IsThisNode">The subscriber is the node this activation runs on: publications skip the message.</param>
    private sealed record SubscribedNode(ISessionNodeObserver Observer, bool IsThisNode, DateTimeOffset SeenAt);

    /// <summary>On real time: nodes refresh on real time, whatever the app's clock says (tests move that one).</summary>
    private bool IsLive(DateTimeOffset seenAt) => realTime.GetUtcNow() - seenAt < SubscriptionLifetime;
}
