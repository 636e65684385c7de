using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// Stores session snapshots off the commit path: the writer hands over its (immutable) state after every
/// <see cref="SessionLogOptions.SnapshotEvery"/> entries and carries on; one loop serialises and writes them, keeping
/// only each session's latest. A failed write is logged and forgotten (the next load replays a little more).
/// </summary>
public sealed class SessionSnapshotWriter : IAsyncDisposable
{
    private readonly Channel<(Guid SessionId, SessionState State)> _queue =
        Channel.CreateUnbounded<(Guid, SessionState)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<SessionSnapshotWriter> _logger;
    private readonly Task _loop;

    public SessionSnapshotWriter(IServiceScopeFactory scopes, IOptions<SessionLogOptions> options, TimeProvider clock, ILogger<SessionSnapshotWriter> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        Every = options.Value.SnapshotEvery;
        _loop = Task.Run(WriteLoopAsync);
    }

    public int Every { get; }

    /// <summary>Called by a session's writer after applying an entry; takes a snapshot when the sequence is due.</summary>
    public void AfterApply(Guid sessionId, SessionState state)
    {
        if (state.Seq % Every == 0)
        {
            _queue.Writer.TryWrite((sessionId, state));
        }
    }

    private async Task WriteLoopAsync()
    {
        await foreach (var (sessionId, state) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await SaveAsync(sessionId, state);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Storing the snapshot of session {Session} at {Seq} failed", sessionId, state.Seq);
            }
        }
    }

    private async Task SaveAsync(Guid sessionId, SessionState state)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Add(new SessionSnapshotRow { SessionId = sessionId, Seq = state.Seq, State = SessionSnapshotJson.Serialize(state), At = _clock.GetUtcNow() });
        await db.SaveChangesAsync();
        await db.Set<SessionSnapshotRow>().Where(s => s.SessionId == sessionId && s.Seq < state.Seq).ExecuteDeleteAsync();
        await tx.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
