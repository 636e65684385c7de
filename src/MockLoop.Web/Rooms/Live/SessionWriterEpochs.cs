using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MockLoop.Web.Data;
using Npgsql;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// The fencing token of a session's log (docs/decisions/160): every writer that loads the session takes the next
/// epoch, and a log entry is only stored while its writer's epoch is still the session's. An older writer (a second
/// activation left over from a directory that lost track of the first, or a node that stalled) changes nothing.
/// </summary>
public sealed class SessionWriterEpochRow
{
    public Guid SessionId { get; set; }
    public long Epoch { get; set; }
}

internal sealed class SessionWriterEpochRowConfiguration : IEntityTypeConfiguration<SessionWriterEpochRow>
{
    public void Configure(EntityTypeBuilder<SessionWriterEpochRow> e)
    {
        e.ToTable("session_writer_epochs");
        e.HasKey(x => x.SessionId);
        e.HasOne<InterviewSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A log write made with an epoch that is no longer the session's: nothing was stored.</summary>
public sealed class StaleSessionWriterException(Guid sessionId, long epoch)
    : Exception($"Session {sessionId}: the writer of epoch {epoch} was replaced by a newer one; nothing was stored.");

public static class SessionWriterEpochs
{
    /// <summary>
    /// One statement: the session's next epoch, or no row when the session does not exist. It commits before the
    /// caller reads the log, so every write of an older epoch either committed before it (and the read sees it) or
    /// is refused by <see cref="FencedInsertSql"/>.
    /// </summary>
    private const string TakeSql = """
        INSERT INTO session_writer_epochs ("SessionId", "Epoch")
        SELECT s."Id", 1 FROM interview_sessions s WHERE s."Id" = $1
        ON CONFLICT ("SessionId") DO UPDATE SET "Epoch" = session_writer_epochs."Epoch" + 1
        RETURNING "Epoch"
        """;

    /// <summary>
    /// Stores the entry only while <c>$9</c> is the session's epoch. <c>FOR SHARE</c> holds the epoch row until the
    /// transaction ends: a newer writer's increment waits for this commit (so its load sees the entry), and an insert
    /// that meets an increment already committed re-reads the row and stores nothing. No extra round trip: it is the
    /// insert itself.
    /// </summary>
    private const string FencedInsertSql = """
        INSERT INTO session_events ("SessionId", "Seq", "Kind", "Payload", "AuthorId", "At", "Audience", "ClientId")
        SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM session_writer_epochs w
        WHERE w."SessionId" = $1 AND w."Epoch" = $9
        FOR SHARE
        """;

    public static async Task<long?> TakeAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(TakeSql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
            return await command.ExecuteScalarAsync(ct) is long epoch ? epoch : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The fenced insert of one entry, for a batch (the group commit).</summary>
    public static NpgsqlBatchCommand Insert(SessionEventRow entry, long epoch)
    {
        var command = new NpgsqlBatchCommand(FencedInsertSql);
        AddParameters(command.Parameters, entry, epoch);
        return command;
    }

    /// <summary>The fenced insert of one entry inside an open transaction; false when the epoch is stale.</summary>
    public static async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SessionEventRow entry, long epoch)
    {
        await using var command = new NpgsqlCommand(FencedInsertSql, connection, transaction);
        AddParameters(command.Parameters, entry, epoch);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, SessionEventRow entry, long epoch)
    {
        parameters.Add(new NpgsqlParameter { Value = entry.SessionId });
        parameters.Add(new NpgsqlParameter { Value = entry.Seq });
        parameters.Add(new NpgsqlParameter { Value = entry.Kind });
        parameters.Add(new NpgsqlParameter { Value = entry.Payload, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Jsonb });
        parameters.Add(new NpgsqlParameter { Value = entry.AuthorId });
        // timestamptz takes UTC only; the writer's clock is UTC already, a demo clock may not be.
        parameters.Add(new NpgsqlParameter { Value = entry.At.ToUniversalTime() });
        parameters.Add(new NpgsqlParameter { Value = entry.Audience.ToString() });
        parameters.Add(new NpgsqlParameter { Value = (object?)entry.ClientId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar });
        parameters.Add(new NpgsqlParameter { Value = epoch });
    }
}
