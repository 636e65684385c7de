using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// Group commit for single-row log entries (diagram ops, chat, notes, scores). Each live session still writes one
/// entry at a time under its own lock, so its order is kept; entries of many sessions waiting at the same moment are
/// written in one transaction, paying one round trip and one WAL flush instead of one each. Under light load a
/// batch holds one entry and this costs what a direct write costs.
/// </summary>
public sealed class SessionLogWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private sealed record PendingWrite(SessionEventRow Entry, TaskCompletionSource Done);

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<SessionLogWriter> _logger;
    private readonly Task _loop;

    public SessionLogWriter(IServiceScopeFactory scopes, ILogger<SessionLogWriter> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _loop = Task.Run(WriteLoopAsync);
    }

    private long _entriesRetriedAlone;

    /// <summary>
    /// How many entries were written again on their own after their batch failed on a refused entry. Commands refuse
    /// bad text before it gets here, so this stays zero unless something unforeseen is refused by the database.
    /// </summary>
    public long EntriesRetriedAlone => Interlocked.Read(ref _entriesRetriedAlone);

    /// <summary>Completes once the entry is committed; throws what the database threw for this entry alone.</summary>
    public Task AppendAsync(SessionEventRow entry)
    {
        // Its text was checked by the rules (StorableText) before it was encoded, so it is not parsed again here; an
        // entry the database refuses all the same fails its batch, which is then written entry by entry.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new PendingWrite(entry, done)))
        {
            done.SetException(new InvalidOperationException("The session log is shutting down."));
        }
        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            Observability.NodeMetrics.GroupCommitBatch.Record(batch.Count);
            try
            {
                await WriteAsync(batch.Select(b => b.Entry));
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
            {
                // The database is down or the connection broke: every entry shares that fate, and retrying each
                // alone would only knock on a closed door N more times. Each session answers "unavailable".
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
            catch (Exception) when (batch.Count > 1)
            {
                Interlocked.Add(ref _entriesRetriedAlone, batch.Count);
                // One bad entry must not fail its neighbours: write them one by one, each gets its own outcome.
                foreach (var item in batch)
                {
                    try
                    {
                        await WriteAsync([item.Entry]);
                        item.Done.TrySetResult();
                    }
                    catch (Exception ex)
                    {
                        item.Done.TrySetException(ex);
                    }
                }
            }
            catch (Exception ex)
            {
                batch[0].Done.TrySetException(ex);
            }
            batch.Clear();
        }
    }

    private async Task WriteAsync(IEnumerable<SessionEventRow> entries)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var entry in entries)
        {
            // A fresh row object per attempt: a failed batch leaves its tracked copies behind with the old context.
            db.Add(Copy(entry));
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex)
        {
            _logger.LogDebug(ex, "A session log batch failed; retrying its entries one by one");
            throw;
        }
    }

    private static SessionEventRow Copy(SessionEventRow e) => new()
    {
        SessionId = e.SessionId, Seq = e.Seq, Kind = e.Kind, Payload = e.Payload, AuthorId = e.AuthorId, At = e.At,
        Audience = e.Audience, ClientId = e.ClientId,
    };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
