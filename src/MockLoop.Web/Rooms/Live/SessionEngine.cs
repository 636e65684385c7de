using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// The live sessions this node serves, loaded on first use and dropped when their last connection leaves (the log
/// in PostgreSQL is the truth, so a later connection reloads it). A session lives on one node: the load balancer
/// routes by the session id in the hub URL.
/// </summary>
public sealed class SessionEngine(
    IServiceScopeFactory scopes, SessionLogWriter log, SessionSnapshotWriter snapshots,
    IHubContext<InterviewHub, IRoomClient> hub, TimeProvider clock, ILogger<SessionEngine> logger)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<LiveSession?>>> _sessions = new();
    private readonly ConcurrentDictionary<Guid, int> _connections = new();

    public int LoadedCount => _sessions.Count;

    public async Task<LiveSession?> GetAsync(Guid sessionId, CancellationToken ct = default)
    {
        var lazy = _sessions.GetOrAdd(sessionId, id => new Lazy<Task<LiveSession?>>(
            () => LiveSession.LoadAsync(id, scopes, log, snapshots, hub, clock, logger, CancellationToken.None)));
        try
        {
            var session = await lazy.Value.WaitAsync(ct);
            if (session is { IsStale: true })
            {
                _sessions.TryRemove(new KeyValuePair<Guid, Lazy<Task<LiveSession?>>>(sessionId, lazy));
                return await GetAsync(sessionId, ct);
            }
            if (session is null)
            {
                _sessions.TryRemove(new KeyValuePair<Guid, Lazy<Task<LiveSession?>>>(sessionId, lazy));
            }
            return session;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed load must not stick: the next connection tries again.
            _sessions.TryRemove(new KeyValuePair<Guid, Lazy<Task<LiveSession?>>>(sessionId, lazy));
            logger.LogError(ex, "Loading live session {Session} failed", sessionId);
            throw;
        }
    }

    public void Attached(Guid sessionId) => _connections.AddOrUpdate(sessionId, 1, (_, n) => n + 1);

    public void Detached(Guid sessionId)
    {
        var left = _connections.AddOrUpdate(sessionId, 0, (_, n) => Math.Max(0, n - 1));
        if (left == 0 && _connections.TryRemove(new KeyValuePair<Guid, int>(sessionId, 0)))
        {
            _sessions.TryRemove(sessionId, out _);
        }
    }
}
