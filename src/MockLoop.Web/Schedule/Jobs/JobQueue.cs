using Microsoft.EntityFrameworkCore;
using MockLoop.Web.Data;
using Npgsql;

namespace MockLoop.Web.Schedule.Jobs;

/// <summary>A job this node holds the lease on.</summary>
public sealed record ClaimedJob(long Id, string Kind, string Key, Guid? Subject, DateTimeOffset DueAt, int Attempts);

/// <summary>
/// The durable job table: enqueue once per (kind, key), claim due jobs with FOR UPDATE SKIP LOCKED so two nodes never
/// take the same one, mark done, or back off after a failure. Time is the app's TimeProvider, so tests move it.
/// </summary>
public sealed class JobQueue(AppDbContext db, TimeProvider clock)
{
    public const int MaxAttempts = 8;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Adds a job unless one of that kind and key exists (done or not); true when added.</summary>
    public async Task<bool> EnqueueAsync(string kind, string key, Guid? subject, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        var added = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO schedule_jobs ("Kind", "Key", "Subject", "DueAt", "Attempts")
            VALUES ({kind}, {key}, {subject}, {dueAt}, 0)
            ON CONFLICT ("Kind", "Key") DO NOTHING
            """, ct);
        return added == 1;
    }

    /// <summary>Takes up to <paramref name="max"/> due jobs for <paramref name="node"/>, leased for <see cref="Lease"/>.</summary>
    public async Task<IReadOnlyList<ClaimedJob>> ClaimDueAsync(string node, int max, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen)
        {
            await connection.OpenAsync(ct);
        }
        try
        {
            await using var command = new NpgsqlCommand("""
                WITH due AS (
                    SELECT "Id" FROM schedule_jobs
                    WHERE "DoneAt" IS NULL AND "DueAt" <= @now AND ("LeasedUntil" IS NULL OR "LeasedUntil" <= @now)
                    ORDER BY "DueAt", "Id"
                    LIMIT @max
                    FOR UPDATE SKIP LOCKED)
                UPDATE schedule_jobs AS j
                SET "LeasedUntil" = @lease, "LeasedBy" = @node, "Attempts" = j."Attempts" + 1
                FROM due WHERE j."Id" = due."Id"
                RETURNING j."Id", j."Kind", j."Key", j."Subject", j."DueAt", j."Attempts"
                """, connection);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("lease", now + Lease);
            command.Parameters.AddWithValue("node", node);
            command.Parameters.AddWithValue("max", max);
            var jobs = new List<ClaimedJob>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                jobs.Add(new ClaimedJob(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetGuid(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt32(5)));
            }
            return jobs.OrderBy(j => j.DueAt).ThenBy(j => j.Id).ToList();
        }
        finally
        {
            if (!wasOpen)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Done, if this node still holds the lease (a node that overran its lease does not overwrite another's result).</summary>
    public Task<int> CompleteAsync(ClaimedJob job, string node, CancellationToken ct = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE schedule_jobs SET "DoneAt" = {clock.GetUtcNow()}, "LeasedUntil" = NULL, "LastError" = NULL
            WHERE "Id" = {job.Id} AND "LeasedBy" = {node} AND "DoneAt" IS NULL
            """, ct);

    /// <summary>Retries later with a growing back-off; gives up (done, error kept) after <see cref="MaxAttempts"/>.</summary>
    public Task<int> FailAsync(ClaimedJob job, string node, string error, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var retryAt = now + TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, job.Attempts - 1)));
        DateTimeOffset? doneAt = job.Attempts >= MaxAttempts ? now : null;
        var message = error.Length > 2000 ? error[..2000] : error;
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE schedule_jobs SET "LeasedUntil" = {retryAt}, "LastError" = {message}, "DoneAt" = {doneAt}
            WHERE "Id" = {job.Id} AND "LeasedBy" = {node}
            """, ct);
    }
}
