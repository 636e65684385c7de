using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using Npgsql;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// What one committed entry looks like to each seat, handed to the host to fan out in sequence order: the encoded
/// event itself for a seat that may see it (both seats share the one encoding), a private entry for one that may not.
/// Made once by the writer and only read after: Orleans passes it to every node's observer without a deep copy (ADR 130).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SessionPublication([property: Id(0)] EncodedEvent ForInterviewer, [property: Id(1)] EncodedEvent ForCandidate)
{
    public long Seq => ForInterviewer.Seq;

    public EncodedEvent For(SeatRole role) => role == SeatRole.Interviewer ? ForInterviewer : ForCandidate;
}

/// <summary>
/// The single writer of one session's log, whoever hosts it (the session grain; the demo seeder plays past sessions
/// through one directly): receive → decide (Core) → next seq → persist → apply → publish → acknowledge. An
/// acknowledgement means the entry is in PostgreSQL. Everything it knows comes from the log (snapshot + tail).
/// </summary>
public sealed partial class SessionWriter
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IServiceScopeFactory _scopes;
    private readonly SessionLogWriter _log;
    private readonly SessionSnapshotWriter _snapshots;
    private readonly TimeProvider _clock;
    private readonly SessionDefinition _definition;
    private readonly Action<SessionPublication> _publish;
    private readonly ResendWindow _resends = new(LiveLimits.ResendWindow);
    private readonly Dictionary<Guid, string> _names;
    private SessionState _state;
    private Guid? _interviewerId;
    private Guid? _candidateId;
    /// <summary>The fencing token this writer took when it loaded the session (ADR 160): its writes carry it.</summary>
    private readonly long _epoch;

    public SessionWriter(
        LoadedSession loaded, IServiceScopeFactory scopes, SessionLogWriter log, SessionSnapshotWriter snapshots,
        TimeProvider clock, Action<SessionPublication> publish)
    {
        Id = loaded.Row.Id;
        _definition = loaded.Definition;
        _state = loaded.State;
        _names = new Dictionary<Guid, string>(loaded.Names);
        _interviewerId = loaded.Row.InterviewerId;
        _candidateId = loaded.Row.CandidateId;
        _scopes = scopes;
        _log = log;
        _snapshots = snapshots;
        _clock = clock;
        _publish = publish;
        SnapshotSeq = loaded.SnapshotSeq;
        _epoch = loaded.WriterEpoch;
        EntriesReplayed = loaded.Tail.Count;
        foreach (var entry in loaded.Tail)
        {
            Remember(entry);
        }
    }

    public Guid Id { get; }

    public long Seq => _state.Seq;

    /// <summary>The state as of the last acknowledged entry.</summary>
    public SessionState State => _state;

    public Rubric Rubric => _definition.Rubric;

    /// <summary>The snapshot this writer was loaded from (0: none).</summary>
    public long SnapshotSeq { get; }

    /// <summary>How many log entries the load replayed after the snapshot.</summary>
    public int EntriesReplayed { get; }

    /// <summary>
    /// Set when this copy found itself behind the log or unsure of it, or replaced by a newer writer; it stores nothing
    /// more, and its host then loads a fresh one.
    /// </summary>
    public bool IsStale { get; private set; }

    public SeatRole? RoleOf(Guid userId) =>
        userId == _interviewerId ? SeatRole.Interviewer : userId == _candidateId ? SeatRole.Candidate : null;

    /// <summary>Seats can fill after the session was loaded (the partner joins); hosts pass them on connect.</summary>
    public async Task RefreshSeatsAsync(Guid? interviewerId, Guid? candidateId, IEnumerable<KeyValuePair<Guid, string>> names)
    {
        await _gate.WaitAsync();
        try
        {
            _interviewerId = interviewerId;
            _candidateId = candidateId;
            foreach (var (userId, name) in names)
            {
                _names[userId] = name;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<CommandResult> SubmitAsync(Guid userId, LiveCommand command, string? clientId)
    {
        if (clientId is not null && !ElementId.IsValid(clientId))
        {
            return CommandResult.Refused(CommandCodes.BadClientId,
                $"A change id has 1 to {LiveLimits.ClientIdMaxLength} letters, digits, '_' or '-'.");
        }

        await _gate.WaitAsync();
        try
        {
            if (IsStale)
            {
                // Replaced or unsure of the log: only a fresh load may answer, and the client's resend reaches it.
                return Moved();
            }
            if (RoleOf(userId) is not { } role)
            {
                return CommandResult.Refused(CommandCodes.NotAParticipant, "You are not a participant in this interview.");
            }
            // A change resent after a reconnect: it is already in the log, so acknowledge it again, apply nothing.
            if (_resends.Find(userId, clientId) is { } earlier)
            {
                return CommandResult.Accepted(earlier);
            }

            var decision = SessionRules.Decide(_definition, _state, role, command, StoredNow());
            if (decision.Refusal is { } refused)
            {
                return CommandResult.Refused(refused.Code, refused.Message);
            }
            var entry = new SessionEntry(Seq + 1, userId, decision.At, decision.Audience, clientId, decision.Change!);
            var after = SessionState.Apply(_state, entry);
            // Encoded once: these bytes are the log's payload and every connection's message.
            var publication = Publication(after, entry);

            try
            {
                await PersistAsync(entry, after, publication);
            }
            catch (Exception ex) when (IsResendOfForgottenChange(ex))
            {
                // Older than the resend window: the database's unique key still knows it. Answer with its sequence,
                // but only the sender's own: another participant's change with the same id is none of theirs.
                return await StoredSeqAsync(userId, clientId!) is { } stored
                    ? CommandResult.Accepted(stored)
                    : CommandResult.Refused("client_id_taken", "Another participant used this change id; send the change again with a new id.");
            }
            catch (StaleSessionWriterException)
            {
                // A newer writer of this session took over (ADR 160): nothing was stored, and this copy must not
                // write again. The client resends, and the change reaches the live writer.
                IsStale = true;
                return Moved();
            }
            catch (Exception ex) when (UniqueViolation(ex) is not null)
            {
                // Another writer got this sequence number, which fencing prevents among grains; whatever wrote it,
                // this copy is behind the log. Nothing was applied here; the host reloads it, and the resend is
                // stored after the entries this copy missed. Retryable, so "unavailable", never a final refusal.
                IsStale = true;
                return Moved();
            }
            catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
            {
                // Not applied here. Whether the write reached the disk before the connection broke is unknown, so
                // this copy stops serving: the next use reloads the session from its log, and the resent change is
                // then either found there (and acknowledged) or stored once.
                IsStale = true;
                return CommandResult.Unavailable();
            }

            _state = after;
            Remember(entry, publication);
            _snapshots.AfterApply(Id, _state);
            _publish(publication);
            return CommandResult.Accepted(entry.Seq);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Now, to the microsecond PostgreSQL keeps: the state must hold exactly what the log holds, so a replay or a
    /// snapshot gives the very state this writer had.
    /// </summary>
    private DateTimeOffset StoredNow()
    {
        var now = _clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private static CommandResult Moved() => CommandResult.Refused(CommandCodes.Unavailable,
        "Not saved: the interview is moving to another server. Your change will be retried.");

    /// <summary>A unique key violation, raised by Npgsql directly (the log's own inserts) or wrapped by EF Core.</summary>
    private static PostgresException? UniqueViolation(Exception ex) =>
        (ex as PostgresException ?? ex.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } unique
            ? unique
            : null;

    private static bool IsResendOfForgottenChange(Exception ex) =>
        UniqueViolation(ex)?.ConstraintName == SessionEventRowConfiguration.ClientIdIndex;

    private async Task<long?> StoredSeqAsync(Guid author, string clientId)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<SessionEventRow>().AsNoTracking()
            .Where(e => e.SessionId == Id && e.AuthorId == author && e.ClientId == clientId)
            .Select(e => (long?)e.Seq).SingleOrDefaultAsync();
    }

    /// <summary>The entry, and what it makes durable beyond the log (status, step timings, scorecard), in one transaction.</summary>
    private async Task PersistAsync(SessionEntry entry, SessionState after, SessionPublication publication)
    {
        // The payload is the event its audience was sent (the interviewer's copy unless the entry is the candidate's).
        var stored = entry.Audience == Audience.Candidate ? publication.ForCandidate : publication.ForInterviewer;
        var row = new SessionEventRow
        {
            SessionId = Id, Seq = entry.Seq, Kind = entry.Kind, Payload = System.Text.Encoding.UTF8.GetString(stored.Utf8),
            AuthorId = entry.AuthorId, At = entry.At, Audience = entry.Audience, ClientId = entry.ClientId,
        };
        if (entry.Change is not (TimerChanged or SelfAssessed or ScorecardSubmitted))
        {
            // Most entries (diagram ops, chat, notes, scores) are one INSERT: they go through the group commit.
            await _log.AppendAsync(row, _epoch);
            return;
        }
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        // The fenced insert first: a stale writer's side tables roll back with it (the epoch row stays share-locked
        // until the commit, so no newer writer loads in between).
        if (!await SessionWriterEpochs.InsertAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(), row, _epoch))
        {
            throw new StaleSessionWriterException(Id, _epoch);
        }
        await SessionSideTables.SaveAsync(db, Id, _definition, _state, after, entry, _interviewerId, _candidateId);
        await tx.CommitAsync();
    }
}
