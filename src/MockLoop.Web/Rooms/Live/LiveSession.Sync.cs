using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Rooms.Live;

public sealed partial class LiveSession
{
    /// <summary>Rebuilds a session from PostgreSQL: its seats, rubric, case, and every logged entry in order.</summary>
    public static async Task<LiveSession?> LoadAsync(
        Guid sessionId, IServiceScopeFactory scopes, SessionLogWriter log, IHubContext<InterviewHub, IRoomClient> hub,
        TimeProvider clock, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<IRubricCatalog>();

        var row = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (row is null)
        {
            return null;
        }
        var rubric = await catalog.FindAsync(row.RubricId, row.RubricVersion, row.CreatedById, ct)
            ?? throw new InvalidOperationException($"Session {sessionId} uses rubric {row.RubricId} v{row.RubricVersion}, which is not available.");
        var interviewCase = row.CaseId is null ? null : catalog.FindCase(row.CaseId);

        var componentTypes = catalog.Components.Components.Select(c => c.Id).Append(DiagramNode.NoteType).ToList();
        var session = new LiveSession(row, rubric, interviewCase, componentTypes, scopes, log, hub, clock);
        var ids = new[] { row.InterviewerId, row.CandidateId }.OfType<Guid>().ToList();
        foreach (var user in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        {
            session._names[user.Id] = user.DisplayName;
        }

        await foreach (var entry in db.Set<SessionEventRow>().AsNoTracking()
                           .Where(e => e.SessionId == sessionId).OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            session.Apply(entry);
        }
        return session;
    }

    /// <summary>
    /// What a (re)connecting client missed since <paramref name="lastSeq"/> (-1: everything), for its role. Taken under
    /// the writer's lock, from memory only (the recent entries, or a snapshot), so a reconnecting client never makes
    /// the writer wait on a database read; anything committed afterwards reaches the client as a broadcast.
    /// </summary>
    public async Task<SyncResult> SyncAsync(Guid userId, long lastSeq, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var role = RoleOf(userId) ?? throw new HubException("You are not a participant in this interview.");
            var now = _clock.GetUtcNow();
            var timer = _timer.View();
            var oldestKept = _recent.Count == 0 ? Seq + 1 : _recent.Peek().Seq;
            if (lastSeq < 0 || lastSeq > Seq || lastSeq + 1 < oldestKept)
            {
                return new SyncResult(Seq, SnapshotFor(role), null, timer, now);
            }
            var missed = _recent.Where(e => e.Seq > lastSeq).Select(e => MessageFor(e, role, timer: null)).ToList();
            return new SyncResult(Seq, null, missed, timer, now);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A page of chat older than <paramref name="beforeSeq"/>, read from the log. Chat entries never change once
    /// stored, so this reads without the writer's lock: paging history never delays anyone's changes.
    /// </summary>
    public async Task<ChatPage> ChatBeforeAsync(Guid userId, long beforeSeq, CancellationToken ct)
    {
        Dictionary<Guid, string> names;
        await _gate.WaitAsync(ct);
        try
        {
            _ = RoleOf(userId) ?? throw new HubException("You are not a participant in this interview.");
            names = new Dictionary<Guid, string>(_names);
        }
        finally
        {
            _gate.Release();
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Set<SessionEventRow>().AsNoTracking()
            .Where(e => e.SessionId == Id && e.Kind == SessionLogKinds.Chat && e.Seq < beforeSeq)
            .OrderByDescending(e => e.Seq)
            .Take(LiveLimits.ChatPageSize + 1)
            .ToListAsync(ct);
        var page = rows.Take(LiveLimits.ChatPageSize).Reverse().Select(e =>
        {
            var chat = System.Text.Json.JsonSerializer.Deserialize<ChatPosted>(e.Payload, Json)!;
            return new ChatMessageView(e.Seq, e.AuthorId, names.GetValueOrDefault(e.AuthorId, "Participant"), chat.Text, e.At);
        }).ToList();
        return new ChatPage(page, rows.Count > LiveLimits.ChatPageSize);
    }

    /// <summary>The last entries, for catching up a reconnecting client without reading the log.</summary>
    private readonly Queue<SessionEventRow> _recent = new();

    private void KeepRecent(SessionEventRow entry)
    {
        _recent.Enqueue(entry);
        while (_recent.Count > LiveLimits.MaxCatchUpEvents)
        {
            _recent.Dequeue();
        }
    }

    private RoomSnapshot SnapshotFor(SeatRole role)
    {
        var isInterviewer = role == SeatRole.Interviewer;
        var submitted = _scorecard is not null;
        var caseView = _case is null
            ? null
            : new CaseView(
                _case.Id, _case.Title, _case.Prompt,
                isInterviewer ? _case.Facts : null,
                isInterviewer ? _rubric.Steps.ToDictionary(s => s.Id, s => _case.HintsFor(s.Id)) : null);
        return new RoomSnapshot(
            _status.ToString(),
            _chat.ToList(),
            isInterviewer ? _notes.Values.ToList() : null,
            caseView,
            new RubricView(_rubric.Id, _rubric.Version, _rubric.Title, _rubric.Steps, _rubric.Expectations),
            _diagram.ToSnapshot(),
            _componentTypes,
            // Hidden until submission: the interviewer's scores from the candidate, the self-assessment from the interviewer.
            isInterviewer || submitted ? ScoreViews(_scores.Values) : null,
            !isInterviewer || submitted ? ScoreViews(_selfScores.Values) : null,
            isInterviewer || submitted ? CurrentPreview() : null,
            _scorecard,
            isInterviewer || submitted ? RedFlagViews() : null,
            _olderChat);
    }

    private SessionEventMessage MessageFor(SessionEventRow entry, SeatRole role, TimerView? timer)
    {
        if ((entry.Audience == Audience.Interviewer && role != SeatRole.Interviewer)
            || (entry.Audience == Audience.Candidate && role != SeatRole.Candidate))
        {
            return new SessionEventMessage(entry.Seq, SessionLogKinds.Private, entry.At);
        }
        return entry.Kind switch
        {
            SessionLogKinds.Chat => new SessionEventMessage(entry.Seq, entry.Kind, entry.At, entry.AuthorId, Chat: ToChat(entry), ClientId: entry.ClientId),
            SessionLogKinds.Note => new SessionEventMessage(entry.Seq, entry.Kind, entry.At, entry.AuthorId, Note: ToNote(entry), ClientId: entry.ClientId),
            SessionLogKinds.Score or SessionLogKinds.Self => new SessionEventMessage(entry.Seq, entry.Kind, entry.At, entry.AuthorId, ClientId: entry.ClientId,
                Score: ToScoreView(entry), Preview: entry.Kind == SessionLogKinds.Score ? CurrentPreview() : null),
            // The reveal: from submission on, the candidate gets every score and the interviewer the self-assessment.
            SessionLogKinds.Scorecard => new SessionEventMessage(entry.Seq, entry.Kind, entry.At, entry.AuthorId, ClientId: entry.ClientId,
                Scorecard: _scorecard, Preview: CurrentPreview(), Scores: ScoreViews(_scores.Values), SelfScores: ScoreViews(_selfScores.Values),
                RedFlags: RedFlagViews()),
            SessionLogKinds.RedFlag => new SessionEventMessage(entry.Seq, entry.Kind, entry.At, entry.AuthorId, ClientId: entry.ClientId, RedFlags: RedFlagViews()),
            SessionLogKinds.Diagram => new SessionEventMessage(entry.Seq, entry.Kind, entry.At, entry.AuthorId, ClientId: entry.ClientId,
                Op: DiagramJson.DeserializeEvent(entry.Payload).Op),
            SessionLogKinds.Timer => new SessionEventMessage(entry.Seq, entry.Kind, entry.At, entry.AuthorId, Timer: timer, Status: _status.ToString(), ClientId: entry.ClientId),
            _ => new SessionEventMessage(entry.Seq, entry.Kind, entry.At, entry.AuthorId, ClientId: entry.ClientId),
        };
    }

    private static CriterionScoreView ToScoreView(SessionEventRow entry)
    {
        var score = System.Text.Json.JsonSerializer.Deserialize<MockLoop.Web.Scoring.CriterionScored>(entry.Payload, Json)!;
        return new CriterionScoreView(score.StepId, score.CriterionId, score.Level, score.Note, score.NeededHint, score.Signals ?? []);
    }

    /// <summary>
    /// Views are made under the writer's lock (they read the current state), then queued per role; the writer never
    /// waits for a client to take them (see <see cref="SessionOutbox"/>).
    /// </summary>
    private void Broadcast(SessionEventRow entry)
    {
        var timer = entry.Kind == SessionLogKinds.Timer ? _timer.View() : null;
        _toInterviewer.Enqueue(MessageFor(entry, SeatRole.Interviewer, timer));
        _toCandidate.Enqueue(MessageFor(entry, SeatRole.Candidate, timer));
    }
}
