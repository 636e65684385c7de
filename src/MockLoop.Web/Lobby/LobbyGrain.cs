using MockLoop.Core.Pairing;
using MockLoop.Core.Sessions;
using Orleans.Concurrency;
using Orleans.Placement;

namespace MockLoop.Web.Lobby;

/// <summary>What a node tells the lobby when one of its users asks to be paired.</summary>
/// <param name="AtHead">Waits at the head of the queue: the person's scheduled partner did not come.</param>
[GenerateSerializer]
public sealed record LobbyJoinRequest(Guid UserId, PairingRole Role, string RubricKey, string? CaseId, bool AtHead = false);

/// <summary>The cluster's one pairing queue: a candidate on one node is paired with an interviewer on another.</summary>
[Alias("lobby")]
public interface ILobbyGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Registers (or refreshes) a node's observer. Returns this activation's epoch: a node that sees a new epoch knows
    /// the lobby restarted on another node, and tells it again who of its users is present and queued.
    /// </summary>
    Task<Guid> Subscribe(string node, ILobbyNodeObserver observer);

    /// <summary>A node has (or no longer has) lobby connections of this user.</summary>
    Task Presence(string node, Guid userId, bool present);

    Task<LobbyJoinResult> Join(string node, LobbyJoinRequest request);

    /// <summary>
    /// A join re-announced by a node after the lobby restarted or its subscription lapsed. A user matched in the
    /// meantime (whose node missed the announcement) hears about that match again instead of queueing anew.
    /// </summary>
    Task Rejoin(string node, LobbyJoinRequest request);

    Task Leave(Guid userId);

    Task<LobbyCounts> Counts();
}

/// <summary>
/// A node's end of the lobby: it forwards to its own hub connections. One-way, so a dead node never holds the lobby
/// up; a node that stops refreshing its subscription is dropped.
/// </summary>
public interface ILobbyNodeObserver : IGrainObserver
{
    [OneWay] Task Counts(LobbyCounts counts);
    [OneWay] Task Matched(Guid userId, LobbyMatch match);
    [OneWay] Task MatchFailed(Guid userId, string error);
}

/// <summary>
/// A thin shell around Core's PairingQueue: receive, let the queue decide, create the session, tell the nodes. The
/// queue is memory only: if this grain's node dies, the nodes re-announce their queued users to the new activation.
/// Placed on the node that first calls it (the first node to start), rather than on a random one: which node holds
/// it is then predictable for operators and tests.
/// </summary>
[PreferLocalPlacement]
public sealed class LobbyGrain(
    TimeProvider clock, [FromKeyedServices(Cluster.ClusterRegistration.RealTime)] TimeProvider realTime,
    PairedSessionStarter starter, ILogger<LobbyGrain> logger) : Grain, ILobbyGrain
{
    /// <summary>A node that has not refreshed its subscription for this long is treated as gone.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromSeconds(30);

    /// <summary>How long a match is remembered for a node that may have missed its announcement.</summary>
    private static readonly TimeSpan RecentMatchLifetime = TimeSpan.FromMinutes(2);

    private readonly Guid _epoch = Guid.NewGuid();
    private readonly PairingQueue _queue = new(clock);
    private readonly Dictionary<string, (ILobbyNodeObserver Observer, DateTimeOffset SeenAt)> _nodes = [];
    private readonly Dictionary<Guid, HashSet<string>> _presentOn = [];
    private readonly Dictionary<Guid, (LobbyMatch Match, DateTimeOffset At)> _recentMatches = [];

    public Task<Guid> Subscribe(string node, ILobbyNodeObserver observer)
    {
        _nodes[node] = (observer, realTime.GetUtcNow());
        return Task.FromResult(_epoch);
    }

    public async Task Presence(string node, Guid userId, bool present)
    {
        if (present)
        {
            var returning = !_presentOn.TryGetValue(userId, out var nodes);
            if (nodes is null)
            {
                _presentOn[userId] = nodes = [];
            }
            nodes.Add(node);
            // Back within the grace: same place, and whoever compatible came meanwhile (and waited) is paired now.
            if (returning && _queue.Return(userId.ToString()) is { } match)
            {
                await BroadcastCountsAsync();
                await StartAsync(match);
            }
            return;
        }
        if (_presentOn.TryGetValue(userId, out var on) && on.Remove(node) && on.Count == 0)
        {
            _presentOn.Remove(userId);
            GoneAway(userId);
        }
    }

    public async Task<LobbyJoinResult> Join(string node, LobbyJoinRequest request)
    {
        await Presence(node, request.UserId, present: true);
        var match = _queue.Enqueue(new PairingRequest(request.UserId.ToString(), request.Role, request.RubricKey,
            string.IsNullOrWhiteSpace(request.CaseId) ? null : request.CaseId), request.AtHead);
        var since = match is null ? _queue.Find(request.UserId.ToString())!.EnqueuedAt : clock.GetUtcNow();
        await BroadcastCountsAsync();
        if (match is not null)
        {
            await StartAsync(match);
        }
        return new LobbyJoinResult(true, since);
    }

    /// <summary>Creates the paired session and tells both people (on whichever nodes they are).</summary>
    private async Task StartAsync(PairingMatch match)
    {
        var interviewer = Guid.Parse(match.Interviewer.UserId);
        var candidate = Guid.Parse(match.Candidate.UserId);
        var session = await starter.StartAsync(match);
        if (session.Url is { } started)
        {
            Remember(interviewer, new LobbyMatch(started, nameof(SeatRole.Interviewer)));
            Remember(candidate, new LobbyMatch(started, nameof(SeatRole.Candidate)));
        }
        await NotifyAsync(o => session.Url is { } url
            ? Task.WhenAll(
                o.Matched(interviewer, new LobbyMatch(url, nameof(SeatRole.Interviewer))),
                o.Matched(candidate, new LobbyMatch(url, nameof(SeatRole.Candidate))))
            : Task.WhenAll(o.MatchFailed(interviewer, session.Error!), o.MatchFailed(candidate, session.Error!)));
    }

    /// <summary>
    /// The user's last lobby connection closed, or their node went: a dropped connection (a lapsed keep-alive, a
    /// network blip, a node dying) must not cost their place, so they stay queued, counted and unpaired for
    /// <see cref="PairingQueue.AwayGrace"/>, and are dropped only if no page of theirs is back by then. A page that leaves on
    /// purpose calls Leave first.
    /// </summary>
    private void GoneAway(Guid userId)
    {
        if (_queue.MarkAway(userId.ToString()))
        {
            _ = DropAwayAfterGraceAsync();
        }
    }

    /// <summary>Runs on this activation's scheduler, one turn at a time with the grain's calls (as SendCountsAfterAsync).</summary>
    private async Task DropAwayAfterGraceAsync()
    {
        try
        {
            await Task.Delay(PairingQueue.AwayGrace, clock);
            if (_queue.DropAway(PairingQueue.AwayGrace).Count > 0)
            {
                await BroadcastCountsAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Dropping the lobby's away users failed");
        }
    }

    public async Task Rejoin(string node, LobbyJoinRequest request)
    {
        var now = clock.GetUtcNow();
        if (_recentMatches.TryGetValue(request.UserId, out var recent) && now - recent.At < RecentMatchLifetime
            && _nodes.TryGetValue(node, out var subscriber))
        {
            await subscriber.Observer.Matched(request.UserId, recent.Match);
            return;
        }
        await Join(node, request);
    }

    private void Remember(Guid userId, LobbyMatch match)
    {
        var now = clock.GetUtcNow();
        foreach (var (user, (_, at)) in _recentMatches.ToList())
        {
            if (now - at >= RecentMatchLifetime)
            {
                _recentMatches.Remove(user);
            }
        }
        _recentMatches[userId] = (match, now);
    }

    public async Task Leave(Guid userId)
    {
        if (_queue.Remove(userId.ToString()))
        {
            await BroadcastCountsAsync();
        }
    }

    public Task<LobbyCounts> Counts()
    {
        var c = _queue.Counts();
        return Task.FromResult(new LobbyCounts(c.Candidates, c.Interviewers, c.Either));
    }

    private DateTimeOffset? _countsSentAt;
    private bool _countsDue;

    /// <summary>
    /// At most one broadcast per interval, as on a single node (rule: <see cref="CountsThrottle"/>): every change
    /// would otherwise go to every node and from there to every lobby page.
    /// </summary>
    private async Task BroadcastCountsAsync()
    {
        switch (CountsThrottle.Decide(clock.GetUtcNow(), _countsSentAt, _countsDue))
        {
            case CountsBroadcast.Now:
                await SendCountsAsync();
                break;
            case CountsBroadcast.Later later:
                _countsDue = true;
                _ = SendCountsAfterAsync(later.Delay);
                break;
        }
    }

    /// <summary>
    /// Not awaited by the join or leave that caused it. Its continuation runs on this activation's scheduler, one turn
    /// at a time with the grain's calls, so it reads and writes the grain's fields safely.
    /// </summary>
    private async Task SendCountsAfterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, clock);
            _countsDue = false;
            await SendCountsAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sending the lobby counts failed");
        }
    }

    private async Task SendCountsAsync()
    {
        _countsSentAt = clock.GetUtcNow();
        var counts = await Counts();
        await NotifyAsync(o => o.Counts(counts));
    }

    /// <summary>
    /// Tells every live node; a node that stopped refreshing (or cannot be reached) is dropped, and its users are away
    /// (their pages reconnect to another node within the grace).
    /// </summary>
    private async Task NotifyAsync(Func<ILobbyNodeObserver, Task> send)
    {
        var now = realTime.GetUtcNow(); // nodes refresh on real time, whatever the app's clock says
        var gone = new List<string>();
        foreach (var (node, (observer, seenAt)) in _nodes.ToList())
        {
            if (now - seenAt > SubscriptionLifetime)
            {
                gone.Add(node);
                continue;
            }
            try
            {
                await send(observer);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Lobby node {Node} did not answer; dropping it and its waiting users", node);
                gone.Add(node);
            }
        }
        foreach (var node in gone)
        {
            _nodes.Remove(node);
            foreach (var (user, nodes) in _presentOn.ToList())
            {
                if (nodes.Remove(node) && nodes.Count == 0)
                {
                    _presentOn.Remove(user);
                    GoneAway(user);
                }
            }
        }
    }
}
