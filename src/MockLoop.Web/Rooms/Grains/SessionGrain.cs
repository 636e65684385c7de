using MockLoop.Core.Sessions;
using MockLoop.Web.Cluster;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>
/// A thin shell around <see cref="SessionWriter"/>: load from the log (snapshot + tail), then receive → decide (Core)
/// → persist (group commit) → apply → publish to the subscribed nodes → acknowledge. A writer that lost track of the
/// log (database trouble, a conflicting writer) deactivates, and the next call loads a fresh one from the log.
/// </summary>
public sealed class SessionGrain(
    IServiceScopeFactory scopes, SessionLogWriter log, SessionSnapshotWriter snapshots, TimeProvider clock,
    [FromKeyedServices(ClusterRegistration.RealTime)] TimeProvider realTime,
    SessionGrainCount count, ILogger<SessionGrain> logger) : Grain, ISessionGrain
{
    /// <summary>A node that has not refreshed its subscription for this long is treated as gone.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromSeconds(30);

    private readonly Guid _epoch = Guid.NewGuid();
    private readonly Dictionary<string, (ISessionNodeObserver Observer, DateTimeOffset SeenAt)> _nodes = [];
    /// <summary>Presence lives with the session: each user's open connections, per node.</summary>
    private readonly Dictionary<Guid, Dictionary<string, int>> _connections = [];
    private SessionWriter? _writer;

    /// <summary>The writer itself, for tests that compare the state it holds with a load from the log.</summary>
    internal SessionWriter? Writer => _writer;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var loaded = await SessionLoader.LoadAsync(this.GetPrimaryKey(), scopes, fromSnapshot: true, cancellationToken);
        if (loaded is not null)
        {
            _writer = new SessionWriter(loaded, scopes, log, snapshots, clock, Publish);
            count.Activated();
            logger.LogInformation("Session {Session} active at {Seq} (snapshot {Snapshot}, {Replayed} entries replayed)",
                loaded.Row.Id, loaded.State.Seq, loaded.SnapshotSeq, loaded.Tail.Count);
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_writer is not null)
        {
            count.Deactivated();
        }
        return Task.CompletedTask;
    }

    public async Task<SessionSubscription> Subscribe(string node, ISessionNodeObserver observer, Dictionary<Guid, int> connections, long forwardedUpTo)
    {
        _nodes[node] = (observer, realTime.GetUtcNow());
        foreach (var (userId, perNode) in _connections)
        {
            if (!connections.ContainsKey(userId))
            {
                perNode.Remove(node);
            }
        }
        foreach (var (userId, count) in connections)
        {
            if (!_connections.TryGetValue(userId, out var perNode))
            {
                _connections[userId] = perNode = [];
            }
            perNode[node] = count;
        }
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
        foreach (var perNode in _connections.Values)
        {
            perNode.Remove(node);
        }
        return Task.CompletedTask;
    }

    public async Task RefreshSeats(Guid? interviewerId, Guid? candidateId, Dictionary<Guid, string> names)
    {
        if (_writer is not null)
        {
            await _writer.RefreshSeatsAsync(interviewerId, candidateId, names);
        }
    }

    public async Task<CommandResult> Submit(Guid userId, LiveCommand command, string? clientId)
    {
        if (_writer is null)
        {
            return CommandResult.Refused("not_found", "This interview no longer exists.");
        }
        var result = await _writer.SubmitAsync(userId, command, clientId);
        if (_writer.IsStale)
        {
            DeactivateOnIdle();
        }
        return result;
    }

    public async Task<SyncResult?> Sync(Guid userId, long lastSeq) =>
        _writer is null ? null : await _writer.SyncAsync(userId, lastSeq, CancellationToken.None);

    public async Task<ChatPage?> ChatBefore(Guid userId, long beforeSeq) =>
        _writer is null ? null : await _writer.ChatBeforeAsync(userId, beforeSeq, CancellationToken.None);

    public async Task<CommandResult> StartReturnMatch(Guid userId, string startedBy)
    {
        if (_writer is null)
        {
            return CommandResult.Refused("not_found", "This interview no longer exists.");
        }
        var (url, error) = await _writer.StartReturnMatchAsync(userId);
        if (url is null)
        {
            return error!;
        }
        var announcement = RoomRelays.For(nameof(IRoomClient.ReturnMatch), RoomGroups.All(_writer.Id), new ReturnMatchMessage(url, startedBy));
        foreach (var (observer, _) in LiveNodes())
        {
            _ = observer.Relayed(_writer.Id, announcement);
        }
        return new CommandResult(true, Location: url);
    }

    public Task<PresenceChange> Presence(string node, Guid userId, int delta)
    {
        var wasOnline = IsOnline(userId);
        if (!_connections.TryGetValue(userId, out var perNode))
        {
            _connections[userId] = perNode = [];
        }
        var count = Math.Max(0, perNode.GetValueOrDefault(node) + delta);
        if (count == 0)
        {
            perNode.Remove(node);
        }
        else
        {
            perNode[node] = count;
        }
        return Task.FromResult(new PresenceChange(wasOnline != IsOnline(userId), OnlineUsers()));
    }

    public Task Relay(string fromNode, RoomRelay relay)
    {
        var id = this.GetPrimaryKey();
        foreach (var (node, (observer, _)) in _nodes.Where(n => n.Key != fromNode && IsLive(n.Value.SeenAt)))
        {
            _ = observer.Relayed(id, relay);
        }
        return Task.CompletedTask;
    }

    /// <summary>Runs inside the writer's submit, in sequence order: one one-way message per live node.</summary>
    private void Publish(SessionPublication publication)
    {
        var id = this.GetPrimaryKey();
        foreach (var (observer, _) in LiveNodes())
        {
            _ = observer.Published(id, publication);
        }
    }

    private IEnumerable<(ISessionNodeObserver Observer, DateTimeOffset SeenAt)> LiveNodes()
    {
        foreach (var gone in _nodes.Where(n => !IsLive(n.Value.SeenAt)).Select(n => n.Key).ToList())
        {
            _nodes.Remove(gone);
            foreach (var perNode in _connections.Values)
            {
                perNode.Remove(gone);
            }
        }
        return _nodes.Values;
    }

    /// <summary>On real time: nodes refresh on real time, whatever the app's clock says (tests move that one).</summary>
    private bool IsLive(DateTimeOffset seenAt) => realTime.GetUtcNow() - seenAt < SubscriptionLifetime;

    private bool IsOnline(Guid userId) => _connections.TryGetValue(userId, out var perNode) && perNode.Count > 0;

    private Guid[] OnlineUsers() => _connections.Where(u => u.Value.Count > 0).Select(u => u.Key).ToArray();
}
