using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MockLoop.Web.Cluster;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>
/// This node's side of the session grains: it subscribes to the grain of every session it has connections for and
/// forwards what the grain publishes to its own connections, per seat and in sequence order (a publication that
/// arrives early waits for the ones before it, a repeated one is dropped). Subscriptions are refreshed every few
/// seconds; a new epoch means the session came back on another node after its own was lost.
/// </summary>
public sealed class ClusterSessions(
    IGrainFactory grains, IClusterMembershipService membership, 
    IHubContext<InterviewHub> hub, IOptions<ClusterNodeOptions> cluster, ILogger<ClusterSessions> logger) : ISessionNodeObserver, IHostedService, IDisposable
{
    /// <summary>Well inside <see cref="SessionGrain.SubscriptionLifetime"/>, so a live node never lapses.</summary>
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A subscription that failed (the session's node gone, or the database down while its grain loads) is tried again
    /// this soon rather than a whole <see cref="RefreshEvery"/> later: until it succeeds, the node's connections get
    /// nothing live from a session that came back.
    /// </summary>
    private static readonly TimeSpan RetryFailedAfter = TimeSpan.FromSeconds(1);

    /// <summary>How long an early publication waits for a missing one before the node moves on (clients then Sync).</summary>
    private static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(2);

    private readonly string _node = cluster.Value.ResolveNodeName();
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, SessionForwarder> _sessions = [];
    private readonly CancellationTokenSource _stopping = new();
    private ISessionNodeObserver? _self;
    private Task _refreshing = Task.CompletedTask;
    private Task _watching = Task.CompletedTask;
    private int _resubscribeNow;

    public string Node => _node;

    public ISessionGrain Grain(Guid sessionId) => grains.GetGrain<ISessionGrain>(sessionId);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _self = grains.CreateObjectReference<ISessionNodeObserver>(this);
        _refreshing = RefreshLoopAsync();
        _watching = WatchMembershipAsync();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _watching.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>
    /// A session's grain that comes back on a survivor knows no subscribers: when a node leaves the cluster, every
    /// node subscribes again at once rather than at its next refresh, so its connections miss as little as possible.
    /// </summary>
    public void ResubscribeSoon() => Interlocked.Exchange(ref _resubscribeNow, 1);

    private async Task WatchMembershipAsync()
    {
        var active = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                var now = snapshot.Members.Where(m => m.Value.Status == SiloStatus.Active).Select(m => m.Key).ToHashSet();
                if (active.Except(now).Any())
                {
                    ResubscribeSoon();
                }
                active = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose() => _stopping.Dispose();

    public int SessionCount
    {
        get
        {
            lock (_lock)
            {
                return _sessions.Count;
            }
        }
    }

    /// <summary>
    /// A connection for the session opened here: counted at once, so the refresh loop keeps this node subscribed even
    /// when the subscription below cannot be made yet (the session moving). Then <see cref="AttachAsync"/> subscribes.
    /// </summary>
    public void Attach(Guid sessionId, Guid userId)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(sessionId, out var forwarder))
            {
                _sessions[sessionId] = forwarder = new SessionForwarder(sessionId, hub, logger);
            }
            forwarder.Users[userId] = forwarder.Users.GetValueOrDefault(userId) + 1;
        }
    }

    /// <summary>
    /// Subscribes this node for a connection <see cref="Attach"/> counted. False: no such session. The subscription
    /// counts the user's connections without this one: the caller announces it with the grain's Presence, whose
    /// answer says whether the user just came online. Safe to repeat while the session moves.
    /// </summary>
    public async Task<bool> AttachAsync(Guid sessionId, Guid userId)
    {
        SessionForwarder? forwarder;
        lock (_lock)
        {
            _sessions.TryGetValue(sessionId, out forwarder);
        }
        // Gone already: the connection closed while this one waited for the session; nothing to subscribe for.
        return forwarder is null || await SubscribeAsync(forwarder, announcing: userId);
    }

    /// <summary>
    /// A connection for the session closed here. True when it was this node's last one for the session: the caller
    /// then unsubscribes (<see cref="UnsubscribeAsync"/>) after telling the grain, so the grain still counts the
    /// connection when it hears it close and can say whether the user went offline.
    /// </summary>
    public bool Detach(Guid sessionId, Guid userId)
    {
        var last = false;
        lock (_lock)
        {
            if (_sessions.TryGetValue(sessionId, out var forwarder))
            {
                if (forwarder.Users.GetValueOrDefault(userId) <= 1)
                {
                    forwarder.Users.Remove(userId);
                }
                else
                {
                    forwarder.Users[userId]--;
                }
                last = forwarder.Users.Count == 0 && _sessions.Remove(sessionId);
            }
        }
        return last;
    }

    /// <summary>How many connections of the user this node holds for the session now (what its presence report says).</summary>
    public int ConnectionsOf(Guid sessionId, Guid userId)
    {
        lock (_lock)
        {
            return _sessions.TryGetValue(sessionId, out var forwarder) ? forwarder.Users.GetValueOrDefault(userId) : 0;
        }
    }

    public async Task UnsubscribeAsync(Guid sessionId)
    {
        try
        {
            await Grain(sessionId).Unsubscribe(_node);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            // The grain drops a node that stops refreshing anyway.
        }
    }

    private async Task<bool> SubscribeAsync(SessionForwarder forwarder, Guid? announcing = null)
    {
        Dictionary<Guid, int> users;
        long forwardedUpTo;
        lock (_lock)
        {
            users = new Dictionary<Guid, int>(forwarder.Users);
            forwardedUpTo = forwarder.ForwardedUpTo;
        }
        if (announcing is { } user && users.TryGetValue(user, out var count))
        {
            if (count <= 1)
            {
                users.Remove(user);
            }
            else
            {
                users[user] = count - 1;
            }
        }
        var subscription = await Grain(forwarder.SessionId).Subscribe(_node, _self!, users, forwardedUpTo);
        lock (_lock)
        {
            forwarder.Adopt(subscription);
        }
        return subscription.Exists;
    }

    /// <summary>
    /// Whether <paramref name="observer"/> is this very object: a session grain on this node then hands publications
    /// straight to <see cref="Forward"/>, in its own turn, instead of sending a message to itself (ADR 130).
    /// </summary>
    public bool IsThisNode(ISessionNodeObserver observer) =>
        _self is { } self && observer.GetGrainId().Equals(self.GetGrainId());

    Task ISessionNodeObserver.Published(Guid sessionId, SessionPublication publication)
    {
        Forward(sessionId, publication);
        return Task.CompletedTask;
    }

    /// <summary>A publication for this node's connections, from the grain's observer message or from a grain on this node.</summary>
    public void Forward(Guid sessionId, SessionPublication publication)
    {
        lock (_lock)
        {
            if (_sessions.TryGetValue(sessionId, out var forwarder))
            {
                forwarder.Receive(publication, DateTimeOffset.UtcNow);
            }
        }
    }

    Task ISessionNodeObserver.Replaced(Guid sessionId)
    {
        ResubscribeSoon();
        return Task.CompletedTask;
    }

    Task ISessionNodeObserver.Relayed(Guid sessionId, RoomRelay relay)
    {
        if (relay.Group is { } group)
        {
            _ = hub.Clients.Group(group).SendAsync(relay.Method, RoomRelays.Payload(relay));
        }
        return Task.CompletedTask;
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        var nextRefresh = DateTimeOffset.UtcNow + RefreshEvery;
        while (await TickAsync(timer))
        {
            List<SessionForwarder> all;
            lock (_lock)
            {
                all = [.. _sessions.Values];
                foreach (var forwarder in all)
                {
                    forwarder.SkipGapsOlderThan(DateTimeOffset.UtcNow - GapPatience);
                }
            }
            if (DateTimeOffset.UtcNow < nextRefresh && Interlocked.Exchange(ref _resubscribeNow, 0) == 0)
            {
                continue;
            }
            var failed = false;
            foreach (var forwarder in all)
            {
                try
                {
                    await SubscribeAsync(forwarder);
                }
                catch (Exception ex) when (ClusterFailures.IsTransient(ex) || ex is SessionStoreUnavailableException)
                {
                    logger.LogWarning(ex, "Refreshing the subscription to session {Session} failed; trying again shortly", forwarder.SessionId);
                    failed = true;
                }
            }
            nextRefresh = DateTimeOffset.UtcNow + (failed ? RetryFailedAfter : RefreshEvery);
        }
    }

    private async Task<bool> TickAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
