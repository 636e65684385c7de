using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Pairing;
using MockLoop.Web.Rooms;

namespace MockLoop.Web.Lobby;

/// <summary>
/// The pairing queue of this node, first come first served (rules in Core's PairingQueue). A user is queued while
/// at least one of their lobby pages is open; closing the last one leaves the queue.
/// </summary>
public sealed class LobbyService(
    TimeProvider clock, IServiceScopeFactory scopes, IHubContext<LobbyHub, ILobbyClient> hub, ILogger<LobbyService> logger)
{
    private readonly Lock _lock = new();
    private readonly PairingQueue _queue = new(clock);
    private readonly Dictionary<Guid, HashSet<string>> _connections = [];

    public void Connected(Guid userId, string connectionId)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue(userId, out var set))
            {
                _connections[userId] = set = [];
            }
            set.Add(connectionId);
        }
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

    public LobbyCounts Counts()
    {
        lock (_lock)
        {
            var c = _queue.Counts();
            return new LobbyCounts(c.Candidates, c.Interviewers, c.Either);
        }
    }

    public async Task<LobbyJoinResult> JoinAsync(Guid userId, PairingRole role, string rubricKey, string? caseId)
    {
        PairingMatch? match;
        DateTimeOffset since;
        lock (_lock)
        {
            match = _queue.Enqueue(new PairingRequest(userId.ToString(), role, rubricKey, string.IsNullOrWhiteSpace(caseId) ? null : caseId));
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
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var setups = scope.ServiceProvider.GetRequiredService<SessionSetupResolver>();
            // A case named only by the interviewer is a draw for the candidate: dropped if they have seen its material.
            var caseId = match.CaseId;
            if (caseId is not null && match.Candidate.CaseId is null)
            {
                var seen = await scope.ServiceProvider.GetRequiredService<Cases.CaseMaterialService>().CasesSeenByAsync(candidate);
                caseId = seen.Contains(caseId) ? null : caseId;
            }
            var resolved = await setups.ResolveAsync(interviewer, match.RubricId, caseId, candidateId: candidate);
            if (resolved.Setup is null)
            {
                throw new InvalidOperationException(resolved.Error);
            }
            var session = await scope.ServiceProvider.GetRequiredService<SessionService>()
                .CreatePairedAsync(interviewer, candidate, resolved.Setup);
            var url = $"/s/{session.Id}";
            await hub.Clients.Clients(ConnectionsOf(interviewer)).Matched(new LobbyMatch(url, nameof(SeatRole.Interviewer)));
            await hub.Clients.Clients(ConnectionsOf(candidate)).Matched(new LobbyMatch(url, nameof(SeatRole.Candidate)));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Starting a paired session failed");
            var both = ConnectionsOf(interviewer).Concat(ConnectionsOf(candidate)).ToList();
            await hub.Clients.Clients(both).MatchFailed("You were matched, but the interview could not be created. Join the queue again.");
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
