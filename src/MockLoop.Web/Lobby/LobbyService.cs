using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Pairing;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Lobby;

/// <summary>
/// The pairing queue of this node, first come first served (rules in Core's PairingQueue). A user is queued while
/// at least one of their lobby pages is open; closing the last one leaves the queue.
/// </summary>
public sealed class LobbyService(
    TimeProvider clock, PairedSessionStarter starter, IHubContext<LobbyHub, ILobbyClient> hub, ILogger<LobbyService> logger) : ILobby
{
    private readonly Lock _lock = new();
    private readonly PairingQueue _queue = new(clock);
    private readonly Dictionary<Guid, HashSet<string>> _connections = [];

    public Task ConnectedAsync(Guid userId, string connectionId)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue(userId, out var set))
            {
                _connections[userId] = set = [];
            }
            set.Add(connectionId);
        }
        return Task.CompletedTask;
    }

    public async Task DisconnectedAsync(Guid userId, string connectionId)
    {
        bool left;
        lock (_lock)
        {
            left = false;
            if (_connections.TryGetValue(userId, out var set) && set.Remove(connectionId) && set.Count == 0)
            {
                _connections.Remove(userId);
                left = _queue.Remove(userId.ToString());
            }
        }
        if (left)
        {
            await BroadcastCountsAsync();
        }
    }

    public Task<LobbyCounts> CountsAsync() => Task.FromResult(Counts());

    private LobbyCounts Counts()
    {
        lock (_lock)
        {
            var c = _queue.Counts();
            return new LobbyCounts(c.Candidates, c.Interviewers, c.Either);
        }
    }

    /// <param name="atHead">Waits at the head of the queue: the person's scheduled partner did not come.</param>
    public async Task<LobbyJoinResult> JoinAsync(Guid userId, PairingRole role, string rubricKey, string? caseId, bool atHead = false)
    {
        PairingMatch? match;
        DateTimeOffset since;
        lock (_lock)
        {
            match = _queue.Enqueue(new PairingRequest(userId.ToString(), role, rubricKey, string.IsNullOrWhiteSpace(caseId) ? null : caseId), atHead);
            since = match is null ? _queue.Find(userId.ToString())!.EnqueuedAt : clock.GetUtcNow();
        }
        await BroadcastCountsAsync();
        if (match is not null)
        {
            await StartSessionAsync(match);
        }
        return new LobbyJoinResult(true, since);
    }

    public async Task LeaveAsync(Guid userId)
    {
        bool removed;
        lock (_lock)
        {
            removed = _queue.Remove(userId.ToString());
        }
        if (removed)
        {
            await BroadcastCountsAsync();
        }
    }

    private async Task StartSessionAsync(PairingMatch match)
    {
        var interviewer = Guid.Parse(match.Interviewer.UserId);
        var candidate = Guid.Parse(match.Candidate.UserId);
        var session = await starter.StartAsync(match);
        if (session.Url is { } url)
        {
            await hub.Clients.Clients(ConnectionsOf(interviewer)).Matched(new LobbyMatch(url, nameof(SeatRole.Interviewer)));
            await hub.Clients.Clients(ConnectionsOf(candidate)).Matched(new LobbyMatch(url, nameof(SeatRole.Candidate)));
        }
        else
        {
            var both = ConnectionsOf(interviewer).Concat(ConnectionsOf(candidate)).ToList();
            await hub.Clients.Clients(both).MatchFailed(session.Error!);
        }
    }

    private List<string> ConnectionsOf(Guid userId)
    {
        lock (_lock)
        {
            return _connections.TryGetValue(userId, out var set) ? [.. set] : [];
        }
    }

    private DateTimeOffset? _countsSentAt;
    private bool _countsDue;

    /// <summary>At most a few broadcasts a second, whatever the churn (rule: <see cref="CountsThrottle"/>).</summary>
    private Task BroadcastCountsAsync()
    {
        CountsBroadcast decision;
        lock (_lock)
        {
            decision = CountsThrottle.Decide(clock.GetUtcNow(), _countsSentAt, _countsDue);
            switch (decision)
            {
                case CountsBroadcast.Now:
                    _countsSentAt = clock.GetUtcNow();
                    break;
                case CountsBroadcast.Later:
                    _countsDue = true;
                    break;
            }
        }
        return decision switch
        {
            CountsBroadcast.Now => hub.Clients.All.Counts(Counts()),
            CountsBroadcast.Later later => SendCountsLaterAsync(later.Delay),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Scheduled, not awaited: the join or leave that caused it answers at once.</summary>
    private Task SendCountsLaterAsync(TimeSpan delay)
    {
        _ = SendCountsAfterAsync(delay);
        return Task.CompletedTask;
    }

    private async Task SendCountsAfterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, clock);
            lock (_lock)
            {
                _countsDue = false;
                _countsSentAt = clock.GetUtcNow();
            }
            await hub.Clients.All.Counts(Counts());
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Sending the lobby counts failed");
        }
    }
}
