using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rooms.Live;

public sealed partial class SessionWriter
{
    /// <summary>
    /// The last entries, for catching up a reconnecting client or node without reading the log: with the publication
    /// this writer sent (null for entries it loaded from the log, whose views are made again when asked for).
    /// </summary>
    private readonly Queue<(SessionEntry Entry, SessionPublication? Publication)> _recent = new();

    private void Remember(SessionEntry entry, SessionPublication? publication = null)
    {
        _resends.Remember(entry.AuthorId, entry.ClientId, entry.Seq);
        _recent.Enqueue((entry, publication));
        while (_recent.Count > LiveLimits.MaxCatchUpEvents)
        {
            _recent.Dequeue();
        }
    }

    /// <summary>
    /// What a (re)connecting client missed since <paramref name="lastSeq"/> (-1: everything), for its seat; null for
    /// someone without a seat. From memory only (the recent entries, or a snapshot), so a reconnecting client never
    /// makes the writer wait on a database read; anything committed afterwards reaches the client as a publication.
    /// </summary>
    public async Task<SyncResult?> SyncAsync(Guid userId, long lastSeq, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (RoleOf(userId) is not { } role)
            {
                return null;
            }
            var now = _clock.GetUtcNow();
            var timer = _state.Timer.View(now);
            var oldestKept = _recent.Count == 0 ? Seq + 1 : _recent.Peek().Entry.Seq;
            if (lastSeq < 0 || lastSeq > Seq || lastSeq + 1 < oldestKept)
            {
                return new SyncResult(Seq, SessionViews.Snapshot(_definition, _state, role, _names), null, timer, now);
            }
            // The very events that were published; entries loaded from the log are shown against the current state.
            var missed = _recent.Where(r => r.Entry.Seq > lastSeq)
                .Select(r => r.Publication is { } sent ? sent.For(role).Decode()
                    : SessionViews.Message(_definition, _state, r.Entry, role, timer: null, _names)).ToList();
            return new SyncResult(Seq, null, missed, timer, now);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A page of chat older than <paramref name="beforeSeq"/>, read from the log; null for someone without a seat.
    /// Chat entries never change once stored, so the read runs outside the writer's lock.
    /// </summary>
    public async Task<ChatPage?> ChatBeforeAsync(Guid userId, long beforeSeq, CancellationToken ct)
    {
        Dictionary<Guid, string> names;
        await _gate.WaitAsync(ct);
        try
        {
            if (RoleOf(userId) is null)
            {
                return null;
            }
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

    /// <summary>
    /// The publications of the entries after <paramref name="seq"/>, for a node that missed them (its subscription
    /// lapsed or came after a failover); null when they are older than the recent entries kept.
    /// </summary>
    public async Task<IReadOnlyList<SessionPublication>?> PublicationsAfterAsync(long seq)
    {
        await _gate.WaitAsync();
        try
        {
            var oldestKept = _recent.Count == 0 ? Seq + 1 : _recent.Peek().Entry.Seq;
            if (seq + 1 < oldestKept)
            {
                return null;
            }
            return _recent.Where(r => r.Entry.Seq > seq).Select(r => r.Publication ?? Publication(_state, r.Entry)).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The entry as each seat sees it, against the state right after it: encoded once, shared by both seats when both
    /// may see it. Made under the writer's lock, so publications go out in sequence order.
    /// </summary>
    private SessionPublication Publication(SessionState after, SessionEntry entry)
    {
        var timer = entry.Change is TimerChanged ? after.Timer.View(_clock.GetUtcNow()) : null;
        var full = EncodedEvent.Of(SessionViews.Event(_definition, after, entry, timer, _names));
        if (entry.Audience == Audience.Everyone)
        {
            return new SessionPublication(full, full);
        }
        var hidden = EncodedEvent.Of(SessionViews.Private(entry));
        return entry.Audience == Audience.Interviewer ? new SessionPublication(full, hidden) : new SessionPublication(hidden, full);
    }
}
