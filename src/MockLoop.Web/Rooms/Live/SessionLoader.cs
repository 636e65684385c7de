using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Rooms.Live;

/// <summary>A session as its log describes it, ready for a writer to serve.</summary>
/// <param name="SnapshotSeq">The snapshot the state started from (0: none, the whole log was replayed).</param>
/// <param name="Tail">The entries replayed after the snapshot, oldest first.</param>
public sealed record LoadedSession(
    InterviewSession Row, SessionDefinition Definition, SessionState State, IReadOnlyDictionary<Guid, string> Names,
    long SnapshotSeq, IReadOnlyList<SessionEntry> Tail)
{
    /// <summary>The fencing token taken for a writer (docs/decisions/160); 0 for a load that will not write.</summary>
    public long WriterEpoch { get; init; }
}

/// <summary>
/// Loads a session from PostgreSQL: its seats, rubric and case, then the latest snapshot of its log and the entries
/// after it (docs/decisions/104). A snapshot this code cannot read is skipped, and the whole log replayed.
/// </summary>
public static class SessionLoader
{
    /// <summary>
    /// A load for a writer: takes the session's next epoch first, then reads, so the read sees every entry an older
    /// writer got stored and that writer stores nothing after it. Null when the session does not exist.
    /// </summary>
    public static async Task<LoadedSession?> LoadForWritingAsync(Guid sessionId, IServiceScopeFactory scopes, CancellationToken ct)
    {
        long? epoch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            epoch = await SessionWriterEpochs.TakeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), sessionId, ct);
        }
        return epoch is { } taken && await LoadAsync(sessionId, scopes, fromSnapshot: true, ct) is { } loaded
            ? loaded with { WriterEpoch = taken }
            : null;
    }

    public static async Task<LoadedSession?> LoadAsync(
        Guid sessionId, IServiceScopeFactory scopes, bool fromSnapshot, CancellationToken ct)
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
        var definition = new SessionDefinition(rubric, interviewCase, componentTypes);

        var ids = new[] { row.InterviewerId, row.CandidateId }.OfType<Guid>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var state = SessionState.Start(definition, row.Status);
        var snapshotSeq = 0L;
        if (fromSnapshot && await db.Set<SessionSnapshotRow>().AsNoTracking().Where(s => s.SessionId == sessionId)
                .OrderByDescending(s => s.Seq).FirstOrDefaultAsync(ct) is { } snapshot)
        {
            try
            {
                state = SessionState.Resume(SessionSnapshotJson.Deserialize(snapshot.State, definition), row.Status);
                snapshotSeq = snapshot.Seq;
            }
            catch (JsonException ex)
            {
                scope.ServiceProvider.GetRequiredService<ILogger<LoadedSession>>()
                    .LogWarning(ex, "The snapshot of session {Session} at {Seq} cannot be read; replaying the whole log", sessionId, snapshot.Seq);
            }
        }

        var tail = new List<SessionEntry>();
        await foreach (var entry in db.Set<SessionEventRow>().AsNoTracking()
                           .Where(e => e.SessionId == sessionId && e.Seq > snapshotSeq).OrderBy(e => e.Seq)
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var read = ToEntry(entry);
            state = SessionState.Apply(state, read);
            tail.Add(read);
        }
        return new LoadedSession(row, definition, state, names, snapshotSeq, tail);
    }

    public static SessionEntry ToEntry(SessionEventRow row) =>
        new(row.Seq, row.AuthorId, row.At, row.Audience, row.ClientId, SessionChangeJson.Deserialize(row.Kind, row.Payload));
}
