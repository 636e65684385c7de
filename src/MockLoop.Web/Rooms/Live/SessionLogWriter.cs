using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MockLoop.Web.Data;
using Npgsql;

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

    private sealed record PendingWrite(SessionEventRow Entry, long Epoch, TaskCompletionSource Done);

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

    /// <summary>
    /// Completes once the entry is committed; throws what the database threw for this entry alone, or
    /// <see cref="StaleSessionWriterException"/> when <paramref name="epoch"/> is no longer the session's.
    /// </summary>
    public Task AppendAsync(SessionEventRow entry, long epoch)
    {
        // Its text was checked by the rules (StorableText) before it was encoded, so it is not parsed again here; an
        // entry the database refuses all the same fails its batch, which is then written entry by entry.
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new PendingWrite(entry, epoch, done)))
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
                var stored = await WriteAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    Settle(batch[i], stored[i]);
                }
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
                        Settle(item, (await WriteAsync([item]))[0]);
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

    private static void Settle(PendingWrite write, bool stored)
    {
        if (stored)
        {
            write.Done.TrySetResult();
        }
        else
        {
            write.Done.TrySetException(new StaleSessionWriterException(write.Entry.SessionId, write.Epoch));
        }
    }

    /// <summary>One transaction, one round trip: whether each entry was stored (false: its epoch was stale).</summary>
    private async Task<bool[]> WriteAsync(IReadOnlyList<PendingWrite> writes)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in writes)
        {
            batch.BatchCommands.Add(SessionWriterEpochs.Insert(write.Entry, write.Epoch));
        }
        try
        {
            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        catch (PostgresException ex)
        {
            _logger.LogDebug(ex, "A session log batch failed; retrying its entries one by one");
            throw;
        }
        var stored = new bool[writes.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = batch.BatchCommands[i].RecordsAffected == 1;
        }
        return stored;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
