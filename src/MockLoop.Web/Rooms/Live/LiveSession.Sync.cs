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
        var session = new LiveSession(row, new SessionDefinition(rubric, interviewCase, componentTypes), scopes, log, hub, clock);
        var ids = new[] { row.InterviewerId, row.CandidateId }.OfType<Guid>().ToList();
        foreach (var user in await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        {
            session._names[user.Id] = user.DisplayName;
        }

        await foreach (var entry in db.Set<SessionEventRow>().AsNoTracking()
                           .Where(e => e.SessionId == sessionId).OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            session.Apply(ToEntry(entry));
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
            var timer = _state.Timer.View(now);
            var oldestKept = _recent.Count == 0 ? Seq + 1 : _recent.Peek().Seq;
            if (lastSeq < 0 || lastSeq > Seq || lastSeq + 1 < oldestKept)
            {
                return new SyncResult(Seq, SessionViews.Snapshot(_definition, _state, role, _names), null, timer, now);
            }
            // Caught-up entries are shown against the current state (their previews and scorecard as they are now).
            var missed = _recent.Where(e => e.Seq > lastSeq)
                .Select(e => SessionViews.Message(_definition, _state, e, role, timer: null, _names)).ToList();
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
            var chat = (ChatPosted)SessionChangeJson.Deserialize(e.Kind, e.Payload);
            return SessionViews.Chat(new ChatLine(e.Seq, e.AuthorId, chat.Text, e.At), names);
        }).ToList();
        return new ChatPage(page, rows.Count > LiveLimits.ChatPageSize);
    }

    /// <summary>The last entries, for catching up a reconnecting client without reading the log.</summary>
    private readonly Queue<SessionEntry> _recent = new();

    private void KeepRecent(SessionEntry entry)
    {
        _recent.Enqueue(entry);
        while (_recent.Count > LiveLimits.MaxCatchUpEvents)
        {
            _recent.Dequeue();
        }
    }

    private static SessionEntry ToEntry(SessionEventRow row) =>
        new(row.Seq, row.AuthorId, row.At, row.Audience, row.ClientId, SessionChangeJson.Deserialize(row.Kind, row.Payload));

    /// <summary>
    /// Views are made under the writer's lock (they read the current state), then queued per role; the writer never
    /// waits for a client to take them (see <see cref="SessionOutbox"/>).
    /// </summary>
    private void Broadcast(SessionEntry entry)
    {
        var timer = entry.Change is TimerChanged ? _state.Timer.View(_clock.GetUtcNow()) : null;
        _toInterviewer.Enqueue(SessionViews.Message(_definition, _state, entry, SeatRole.Interviewer, timer, _names));
        _toCandidate.Enqueue(SessionViews.Message(_definition, _state, entry, SeatRole.Candidate, timer, _names));
    }
}
