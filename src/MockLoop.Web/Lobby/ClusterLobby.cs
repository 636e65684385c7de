using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MockLoop.Core.Pairing;
using MockLoop.Web.Cluster;

namespace MockLoop.Web.Lobby;

/// <summary>
/// This node's side of the cluster's lobby grain: it reports which of its users have the lobby open, passes joins
/// and leaves on, and forwards what the grain announces to its own connections. It also remembers the requests of
/// its queued users, so a lobby grain that restarts elsewhere (new epoch) gets them back.
/// </summary>
public sealed class ClusterLobby(
    IGrainFactory grains, IHubContext<LobbyHub, ILobbyClient> hub, IOptions<ClusterNodeOptions> cluster,
    ILogger<ClusterLobby> logger) : ILobby, ILobbyNodeObserver, IHostedService, IDisposable
{
    /// <summary>Well inside <see cref="LobbyGrain.SubscriptionLifetime"/>, so a live node never lapses.</summary>
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly string _node = cluster.Value.ResolveNodeName();
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, HashSet<string>> _connections = [];
    private readonly Dictionary<Guid, LobbyJoinRequest> _queued = [];
    private readonly CancellationTokenSource _stopping = new();
    private ILobbyNodeObserver? _self;
    private Guid _epoch;
    private Task _refreshing = Task.CompletedTask;

    private ILobbyGrain Lobby => grains.GetGrain<ILobbyGrain>(0);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _self = grains.CreateObjectReference<ILobbyNodeObserver>(this);
        await SubscribeAsync();
        _refreshing = RefreshLoopAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        // No unsubscribe call: the silo is stopping too, and the grain drops a node that stops refreshing.
    }

    public void Dispose() => _stopping.Dispose();

    public async Task ConnectedAsync(Guid userId, string connectionId)
    {
        bool first;
        lock (_lock)
        {
            if (!_connections.TryGetValue(userId, out var set))
            {
                _connections[userId] = set = [];
            }
            first = set.Count == 0;
            set.Add(connectionId);
        }
        if (first)
        {
            await Lobby.Presence(_node, userId, present: true);
        }
    }

    public async Task DisconnectedAsync(Guid userId, string connectionId)
    {
        bool last;
        lock (_lock)
        {
            last = _connections.TryGetValue(userId, out var set) && set.Remove(connectionId) && set.Count == 0;
            if (last)
            {
                _connections.Remove(userId);
                _queued.Remove(userId);
            }
        }
        if (last)
        {
            await Lobby.Presence(_node, userId, present: false);
        }
    }

    public Task<LobbyCounts> CountsAsync() => Lobby.Counts();

    public async Task<LobbyJoinResult> JoinAsync(Guid userId, PairingRole role, string rubricKey, string? caseId, bool atHead = false)
    {
        var request = new LobbyJoinRequest(userId, role, rubricKey, caseId, atHead);
        lock (_lock)
        {
            _queued[userId] = request;
        }
        try
        {
            return await Lobby.Join(_node, request);
        }
        catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            // The lobby's node died under this call. The request is remembered, so the lobby's next activation
            // gets it from this node anyway; the caller hears that it may ask again.
            logger.LogWarning(ex, "The lobby was unreachable for a join");
            return new LobbyJoinResult(false, Error: "The lobby is moving to another server; try again in a moment.", Code: "unavailable");
        }
    }

    public async Task LeaveAsync(Guid userId)
    {
        lock (_lock)
        {
            _queued.Remove(userId);
        }
        await Lobby.Leave(userId);
    }

    Task ILobbyNodeObserver.Counts(LobbyCounts counts) => hub.Clients.All.Counts(counts);

    Task ILobbyNodeObserver.Matched(Guid userId, LobbyMatch match)
    {
        lock (_lock)
        {
            _queued.Remove(userId);
        }
        return hub.Clients.Clients(ConnectionsOf(userId)).Matched(match);
    }

    Task ILobbyNodeObserver.MatchFailed(Guid userId, string error)
    {
        lock (_lock)
        {
            _queued.Remove(userId);
        }
        return hub.Clients.Clients(ConnectionsOf(userId)).MatchFailed(error);
    }

    private List<string> ConnectionsOf(Guid userId)
    {
        lock (_lock)
        {
            return _connections.TryGetValue(userId, out var set) ? [.. set] : [];
        }
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await SubscribeAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The lobby's node may just have died; the grain comes back on a survivor at the next tick.
                    logger.LogWarning(ex, "Refreshing this node's lobby subscription failed; retrying");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Subscribes; when the grain is a new activation, re-announces this node's present and queued users. The epoch
    /// is taken as known only once that worked, so a failure half-way is retried in full at the next tick.
    /// </summary>
    private async Task SubscribeAsync()
    {
        var epoch = await Lobby.Subscribe(_node, _self!);
        if (epoch == _epoch)
        {
            return;
        }
        List<Guid> present;
        List<LobbyJoinRequest> queued;
        lock (_lock)
        {
            present = [.. _connections.Keys];
            queued = [.. _queued.Values];
        }
        if (_epoch != Guid.Empty)
        {
            logger.LogWarning("The lobby restarted; re-announcing {Present} present and {Queued} queued users of this node",
                present.Count, queued.Count);
        }
        foreach (var user in present)
        {
            await Lobby.Presence(_node, user, present: true);
        }
        foreach (var request in queued)
        {
            await Lobby.Rejoin(_node, request);
        }
        if (_epoch != Guid.Empty)
        {
            Observability.NodeMetrics.Failovers.Add(1, new KeyValuePair<string, object?>("grain", "lobby"));
        }
        _epoch = epoch;
    }
}
