using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;
using MockLoop.Core.Text;
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
    private static readonly JsonSerializerOptions Json = TimerJson.Options;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IServiceScopeFactory _scopes;
    private readonly SessionLogWriter _log;
    private readonly IHubContext<InterviewHub, IRoomClient> _hub;
    private readonly TimeProvider _clock;
    private readonly Rubric _rubric;
    private readonly InterviewCase? _case;
    private readonly StepTimer _timer;
    private readonly DiagramRules _diagramRules;
    private readonly IReadOnlyList<string> _componentTypes;
    private DiagramDocument _diagram = DiagramDocument.Empty;
    private readonly List<ChatMessageView> _chat = [];
    private bool _olderChat;
    private readonly Dictionary<string, NoteView> _notes = new(StringComparer.Ordinal);
    private readonly ResendWindow _resends = new(LiveLimits.ResendWindow);
    private readonly Dictionary<Guid, string> _names = [];
    private Guid? _interviewerId;
    private Guid? _candidateId;
    private SessionStatus _status;

    private LiveSession(
        InterviewSession row, Rubric rubric, InterviewCase? interviewCase, IReadOnlyList<string> componentTypes,
        IServiceScopeFactory scopes, SessionLogWriter log, IHubContext<InterviewHub, IRoomClient> hub, TimeProvider clock)
    {
        _log = log;
        Id = row.Id;
        _rubric = rubric;
        _case = interviewCase;
        _scopes = scopes;
        _hub = hub;
        _clock = clock;
        _status = row.Status;
        _interviewerId = row.InterviewerId;
        _candidateId = row.CandidateId;
        _timer = new StepTimer(rubric.Steps.Select(s => new TimerStep(s.Id, s.Title, s.BudgetMinutes)), clock);
        _componentTypes = componentTypes;
        _diagramRules = new DiagramRules(componentTypes);
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
    public long Seq { get; private set; }

    /// <summary>Set when this copy found itself behind the log; the engine then loads a fresh one.</summary>
    public bool IsStale { get; private set; }
    public Rubric Rubric => _rubric;

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

            var decision = Decide(userId, role, command);
            if (decision.Error is { } refused)
            {
                return refused;
            }
            var entry = decision.Entry!;
            entry.Seq = Seq + 1;
            entry.ClientId = clientId;

            try
            {
                await PersistAsync(entry, decision.TimerEvent);
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

            Apply(entry, decision.TimerEvent);
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

    private readonly record struct Decision(SessionEventRow? Entry, TimerEvent? TimerEvent, CommandResult? Error);

    private Decision Decide(Guid userId, SeatRole role, LiveCommand command)
    {
        var now = _clock.GetUtcNow();
        switch (command)
        {
            case DriveTimer drive:
                if (role != SeatRole.Interviewer)
                {
                    return Refuse("interviewer_only", "Only the interviewer drives the timer.");
                }
                var result = _timer.Decide(drive.Command);
                if (result.Event is not { } timerEvent)
                {
                    return Refuse(result.Error!.Code, result.Error.Message);
                }
                return new Decision(
                    NewEntry(userId, SessionLogKinds.Timer, JsonSerializer.Serialize(timerEvent, Json), Audience.Everyone, timerEvent.At),
                    timerEvent, null);

            case PostChat chat:
                var text = chat.Text?.Trim() ?? "";
                if (Unstorable("chat message", text) is { } badChat)
                {
                    return badChat;
                }
                if (text.Length == 0)
                {
                    return Refuse("empty", "A chat message cannot be empty.");
                }
                if (text.Length > LiveLimits.ChatMaxLength)
                {
                    return Refuse("too_long", $"A chat message has at most {LiveLimits.ChatMaxLength} characters.");
                }
                if (_status == SessionStatus.Ended)
                {
                    return Refuse("ended", "The interview has ended; the chat is read-only.");
                }
                return new Decision(
                    NewEntry(userId, SessionLogKinds.Chat, JsonSerializer.Serialize(new ChatPosted(text), Json), Audience.Everyone, now),
                    null, null);

            case WriteNote note:
                if (role != SeatRole.Interviewer)
                {
                    return Refuse("interviewer_only", "Only the interviewer keeps notes.");
                }
                if (_status == SessionStatus.Ended)
                {
                    // As the Blazor room shows it: the notes are the interview's record once it ended.
                    return Refuse("ended", "The interview has ended; the notes are read-only.");
                }
                if (Unstorable("note", note.Text) is { } badNote)
                {
                    return badNote;
                }
                if (_rubric.FindStep(note.StepId ?? "") is null)
                {
                    return Refuse("unknown_step", $"The rubric has no step '{note.StepId}'.");
                }
                if ((note.Text ?? "").Length > LiveLimits.NoteMaxLength)
                {
                    return Refuse("too_long", $"A note has at most {LiveLimits.NoteMaxLength} characters.");
                }
                return new Decision(
                    NewEntry(userId, SessionLogKinds.Note, JsonSerializer.Serialize(new NoteSaved(note.StepId ?? "", note.Text ?? ""), Json), Audience.Interviewer, now),
                    null, null);

            case EditDiagram edit:
                if (_status == SessionStatus.Ended)
                {
                    return Refuse("ended", "The interview has ended; the diagram is read-only.");
                }
                var decided = _diagramRules.Decide(_diagram, edit.Op, now);
                if (decided.Event is not { } diagramEvent)
                {
                    return Refuse(decided.Error!.Code, decided.Error.Message);
                }
                return new Decision(
                    NewEntry(userId, SessionLogKinds.Diagram, DiagramJson.Serialize(diagramEvent), Audience.Everyone, now),
                    null, null);

            case ScoreCriterion or RecordRedFlag or SelfAssess or SubmitScorecard:
                return DecideScoring(userId, role, command, now);

            default:
                return Refuse("unknown_command", "Unknown command.");
        }

        static Decision Refuse(string code, string message) => new(null, null, CommandResult.Refused(code, message));
    }

    /// <summary>Text PostgreSQL cannot store is refused before it reaches the log (and the group commit).</summary>
    private static Decision? Unstorable(string what, string? text) =>
        StorableText.Check(text) is { } problem
            ? new Decision(null, null, CommandResult.Refused(StorableText.ErrorCode,
                $"The {what} {problem.Describe()}, which cannot be stored. Remove it and try again."))
            : null;

    private SessionEventRow NewEntry(Guid author, string kind, string payload, Audience audience, DateTimeOffset at) =>
        new() { SessionId = Id, Kind = kind, Payload = payload, AuthorId = author, Audience = audience, At = at };

    /// <summary>The entry, the session's status and the step timings, in one transaction.</summary>
    private async Task PersistAsync(SessionEventRow entry, TimerEvent? timerEvent)
    {
        if (timerEvent is null && entry.Kind is not (SessionLogKinds.Self or SessionLogKinds.Scorecard))
        {
            // Most entries (diagram ops, chat, notes, scores) are one INSERT: they go through the group commit.
            await _log.AppendAsync(entry);
            return;
        }
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Add(entry);
        await db.SaveChangesAsync();
        await PersistScoringAsync(db, entry);

        if (timerEvent is not null)
        {
            var after = TimerState.Apply(_timer.State, timerEvent);
            await SaveStepTimingsAsync(db, after, timerEvent.At);
            await SaveStepDiagramAsync(db, timerEvent, entry.Seq);
            if (timerEvent is TimerStarted started)
            {
                await db.Sessions.Where(s => s.Id == Id).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, SessionStatus.Live).SetProperty(s => s.StartedAt, started.At));
            }
            else if (timerEvent is TimerEnded ended)
            {
                await db.Sessions.Where(s => s.Id == Id).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, SessionStatus.Ended).SetProperty(s => s.EndedAt, ended.At));
            }
        }
        await tx.CommitAsync();
    }

    private async Task SaveStepTimingsAsync(AppDbContext db, TimerState state, DateTimeOffset now)
    {
        var timings = state.StepTimings(now);
        var rows = await db.Set<StepTimingRow>().Where(r => r.SessionId == Id).ToDictionaryAsync(r => r.StepId);
        for (var i = 0; i < timings.Count; i++)
        {
            var timing = timings[i];
            if (timing.StartedAt is null)
            {
                continue;
            }
            if (!rows.TryGetValue(timing.StepId, out var row))
            {
                row = new StepTimingRow { SessionId = Id, StepId = timing.StepId, StepIndex = i };
                db.Add(row);
            }
            row.StartedAt = timing.StartedAt;
            row.EndedAt = timing.EndedAt;
            row.UsedSeconds = timing.UsedSeconds;
            row.BudgetSeconds = _rubric.Steps[i].BudgetMinutes * 60.0;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The diagram as it was when a step ended (left for another step, or the interview ended), for reports and replay.
    /// A step visited again gets the snapshot of its last visit.
    /// </summary>
    private async Task SaveStepDiagramAsync(AppDbContext db, TimerEvent timerEvent, long seq)
    {
        int? leftIndex = timerEvent switch
        {
            TimerStepChanged changed => changed.FromIndex,
            TimerEnded => _timer.State.CurrentStepIndex,
            _ => null,
        };
        if (leftIndex is not { } index || _timer.State.Status == TimerStatus.NotStarted)
        {
            return;
        }
        var stepId = _rubric.Steps[index].Id;
        var snapshot = DiagramJson.Serialize(_diagram.ToSnapshot());
        var row = await db.Set<StepDiagramRow>().FindAsync(Id, stepId);
        if (row is null)
        {
            db.Add(new StepDiagramRow { SessionId = Id, StepId = stepId, Seq = seq, Snapshot = snapshot, At = timerEvent.At });
        }
        else
        {
            row.Seq = seq;
            row.Snapshot = snapshot;
            row.At = timerEvent.At;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Folds a durable entry into the in-memory state (also used when replaying the log on load).</summary>
    private void Apply(SessionEventRow entry, TimerEvent? timerEvent = null)
    {
        Seq = entry.Seq;
        _resends.Remember(entry.AuthorId, entry.ClientId, entry.Seq);
        KeepRecent(entry);
        switch (entry.Kind)
        {
            case SessionLogKinds.Timer:
                var @event = timerEvent ?? TimerJson.Deserialize(entry.Payload);
                _timer.Apply(@event);
                _status = @event switch
                {
                    TimerStarted => SessionStatus.Live,
                    TimerEnded => SessionStatus.Ended,
                    _ => _status,
                };
                break;
            case SessionLogKinds.Chat:
                _chat.Add(ToChat(entry));
                if (_chat.Count > LiveLimits.ChatKept)
                {
                    // Bounded: older messages stay in the log and are paged on request (ChatBeforeAsync).
                    _chat.RemoveAt(0);
                    _olderChat = true;
                }
                break;
            case SessionLogKinds.Note:
                var note = ToNote(entry);
                _notes[note.StepId] = note;
                break;
            case SessionLogKinds.Diagram:
                _diagram = _diagram.Apply(DiagramJson.DeserializeEvent(entry.Payload));
                break;
            default:
                ApplyScoring(entry);
                break;
        }
    }

    private ChatMessageView ToChat(SessionEventRow entry)
    {
        var chat = JsonSerializer.Deserialize<ChatPosted>(entry.Payload, Json)!;
        return new ChatMessageView(entry.Seq, entry.AuthorId, _names.GetValueOrDefault(entry.AuthorId, "Participant"), chat.Text, entry.At);
    }

    private static NoteView ToNote(SessionEventRow entry)
    {
        var note = JsonSerializer.Deserialize<NoteSaved>(entry.Payload, Json)!;
        return new NoteView(note.StepId, note.Text, entry.At);
    }
}
