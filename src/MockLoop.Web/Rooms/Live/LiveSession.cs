using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using Npgsql;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// One live interview, the single writer of its log. Each change is checked (role, domain rules), given the next
/// sequence number, written to PostgreSQL, and only then applied, broadcast and acknowledged. Everything is rebuilt
/// from the log on load, so a restarted server carries on where it stopped.
/// </summary>
public sealed partial class LiveSession
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IServiceScopeFactory _scopes;
    private readonly SessionLogWriter _log;
    private readonly IHubContext<InterviewHub, IRoomClient> _hub;
    private readonly TimeProvider _clock;
    private readonly SessionDefinition _definition;
    private SessionState _state;
    private readonly ResendWindow _resends = new(LiveLimits.ResendWindow);
    private readonly Dictionary<Guid, string> _names = [];
    private Guid? _interviewerId;
    private Guid? _candidateId;

    private LiveSession(
        InterviewSession row, SessionDefinition definition, IServiceScopeFactory scopes, SessionLogWriter log,
        IHubContext<InterviewHub, IRoomClient> hub, TimeProvider clock)
    {
        _log = log;
        Id = row.Id;
        _definition = definition;
        _state = SessionState.Start(definition, row.Status);
        _scopes = scopes;
        _hub = hub;
        _clock = clock;
        _interviewerId = row.InterviewerId;
        _candidateId = row.CandidateId;
        ILogger logger;
        using (var scope = scopes.CreateScope())
        {
            logger = scope.ServiceProvider.GetRequiredService<ILogger<LiveSession>>();
        }
        _toInterviewer = new SessionOutbox(m => _hub.Clients.Group(RoomGroups.Interviewer(Id)).Event(m), logger);
        _toCandidate = new SessionOutbox(m => _hub.Clients.Group(RoomGroups.Candidate(Id)).Event(m), logger);
    }

    private readonly SessionOutbox _toInterviewer;
    private readonly SessionOutbox _toCandidate;

    public Guid Id { get; }
    public long Seq => _state.Seq;

    /// <summary>Set when this copy found itself behind the log; the engine then loads a fresh one.</summary>
    public bool IsStale { get; private set; }
    public Rubric Rubric => _definition.Rubric;

    public SeatRole? RoleOf(Guid userId) =>
        userId == _interviewerId ? SeatRole.Interviewer : userId == _candidateId ? SeatRole.Candidate : null;

    /// <summary>Seats can fill after the session was loaded (the partner joins); the hub passes them on connect.</summary>
    public async Task RefreshSeatsAsync(InterviewSession row, IReadOnlyList<Participant> participants)
    {
        await _gate.WaitAsync();
        try
        {
            _interviewerId = row.InterviewerId;
            _candidateId = row.CandidateId;
            foreach (var p in participants)
            {
                _names[p.UserId] = p.DisplayName;
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
            return CommandResult.Refused("bad_client_id",
                $"A change id has 1 to {LiveLimits.ClientIdMaxLength} letters, digits, '_' or '-'.");
        }

        await _gate.WaitAsync();
        try
        {
            if (RoleOf(userId) is not { } role)
            {
                return CommandResult.Refused("not_a_participant", "You are not a participant in this interview.");
            }
            // A change resent after a reconnect: it is already in the log, so acknowledge it again, apply nothing.
            if (_resends.Find(userId, clientId) is { } earlier)
            {
                return CommandResult.Accepted(earlier);
            }

            var decision = SessionRules.Decide(_definition, _state, role, command, _clock.GetUtcNow());
            if (decision.Refusal is { } refused)
            {
                return CommandResult.Refused(refused.Code, refused.Message);
            }
            var entry = new SessionEntry(Seq + 1, userId, decision.At, decision.Audience, clientId, decision.Change!);

            try
            {
                await PersistAsync(entry);
            }
            catch (DbUpdateException ex) when (IsResendOfForgottenChange(ex))
            {
                // Older than the resend window: the database's unique key still knows it. Answer with its sequence,
                // but only the sender's own: another participant's change with the same id is none of theirs.
                return await StoredSeqAsync(userId, clientId!) is { } stored
                    ? CommandResult.Accepted(stored)
                    : CommandResult.Refused("client_id_taken", "Another participant used this change id; send the change again with a new id.");
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another writer got this sequence number (a session evicted and reloaded while this write was in
                // flight, or served by two nodes). Nothing was applied here; the engine reloads it on next use.
                IsStale = true;
                return CommandResult.Refused("conflict", "The session changed elsewhere. Reload the room and try again.");
            }
            catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
            {
                // Not applied here. Whether the write reached the disk before the connection broke is unknown, so
                // this copy stops serving: the next use reloads the session from its log, and the resent change is
                // then either found there (and acknowledged) or stored once.
                IsStale = true;
                return CommandResult.Unavailable();
            }

            Apply(entry);
            Broadcast(entry);
            return CommandResult.Accepted(entry.Seq);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsResendOfForgottenChange(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
        && unique.ConstraintName == SessionEventRowConfiguration.ClientIdIndex;

    private async Task<long?> StoredSeqAsync(Guid author, string clientId)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<SessionEventRow>().AsNoTracking()
            .Where(e => e.SessionId == Id && e.AuthorId == author && e.ClientId == clientId)
            .Select(e => (long?)e.Seq).SingleOrDefaultAsync();
    }

    /// <summary>The log row an entry is stored as.</summary>
    private SessionEventRow ToRow(SessionEntry entry) => new()
    {
        SessionId = Id, Seq = entry.Seq, Kind = entry.Kind, Payload = SessionChangeJson.Serialize(entry.Change),
        AuthorId = entry.AuthorId, At = entry.At, Audience = entry.Audience, ClientId = entry.ClientId,
    };

    /// <summary>The entry, and what it makes durable beyond the log (status, step timings, scorecard), in one transaction.</summary>
    private async Task PersistAsync(SessionEntry entry)
    {
        var row = ToRow(entry);
        if (entry.Change is not (TimerChanged or SelfAssessed or ScorecardSubmitted))
        {
            // Most entries (diagram ops, chat, notes, scores) are one INSERT: they go through the group commit.
            await _log.AppendAsync(row);
            return;
        }
        var after = SessionState.Apply(_state, entry);
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Add(row);
        await db.SaveChangesAsync();
        await SessionSideTables.SaveAsync(db, Id, _definition, _state, after, entry, _interviewerId, _candidateId);
        await tx.CommitAsync();
    }

    /// <summary>Folds a durable entry into the state (also used when replaying the log on load).</summary>
    private void Apply(SessionEntry entry)
    {
        _state = SessionState.Apply(_state, entry);
        _resends.Remember(entry.AuthorId, entry.ClientId, entry.Seq);
        KeepRecent(entry);
    }
}
