using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Contracts;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>
/// The session log's fencing token (ADR 160): two writers of one session, as a cluster whose directory lost track of
/// an activation makes them. The older one stores nothing and answers <c>unavailable</c>; nobody sees <c>conflict</c>.
/// </summary>
public sealed class SessionFencingTests(MockLoopApp app) : IClassFixture<MockLoopApp>
{
    private IServiceScopeFactory Scopes => app.Services.GetRequiredService<IServiceScopeFactory>();

    [Fact]
    public async Task A_writer_replaced_by_a_newer_one_stores_nothing_answers_unavailable_and_the_resend_is_stored_once()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        Assert.True((await room.CandidateHub.CommandAsync("SendChat", "first", "c-1")).Ok);

        // A second writer of the same session, as a second activation on another node would load it.
        var newer = await NewWriterAsync(room.Id);
        Assert.Equal(1, newer.Seq);

        // The grain's writer is now the older one: its write changes nothing, and the answer is retryable.
        var stale = await room.CandidateHub.CommandAsync("SendChat", "second", "c-2");
        Assert.False(stale.Ok);
        Assert.Equal(CommandCodes.Unavailable, stale.Code);
        Assert.Equal([1L], (await LogAsync(room.Id)).Select(e => e.Seq));

        // The stale activation went; the resend loads a fresh one (a newer epoch still) and is stored once.
        var resent = await room.CandidateHub.CommandAsync("SendChat", "second", "c-2");
        Assert.True(resent.Ok, resent.Error);
        Assert.Equal(2, resent.Seq);

        // Which makes the directly loaded writer the stale one now.
        var candidateId = (await room.CandidateHub.RoomStateAsync()).GetProperty("myUserId").GetGuid();
        var late = await newer.SubmitAsync(candidateId, new PostChat("late"), "c-3");
        Assert.Equal(CommandCodes.Unavailable, late.Code);
        Assert.True(newer.IsStale);
        // Once stale, it answers without trying again.
        Assert.Equal(CommandCodes.Unavailable, (await newer.SubmitAsync(candidateId, new PostChat("later"), "c-4")).Code);

        var log = await LogAsync(room.Id);
        Assert.Equal([1L, 2L], log.Select(e => e.Seq));
        Assert.Equal(["c-1", "c-2"], log.Select(e => e.ClientId));
    }

    [Fact]
    public async Task In_one_group_commit_a_stale_entry_is_refused_alone_and_its_neighbours_are_stored_without_a_retry()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var log = app.Services.GetRequiredService<SessionLogWriter>();
        var retriedBefore = log.EntriesRetriedAlone;
        var author = Guid.NewGuid();
        var old = await SessionEpochs.TakeAsync(app, room.Id);
        var current = await SessionEpochs.TakeAsync(app, room.Id);

        var writes = new[] { (1000L, current), (1001L, old), (1002L, current) }
            .Select(w => log.AppendAsync(Entry(room.Id, w.Item1, author), w.Item2))
            .ToList();

        await writes[0];
        await Assert.ThrowsAsync<StaleSessionWriterException>(() => writes[1]);
        await writes[2];
        Assert.Equal([1000L, 1002L], (await LogAsync(room.Id)).Select(e => e.Seq));
        Assert.Equal(retriedBefore, log.EntriesRetriedAlone);
    }

    private async Task<SessionWriter> NewWriterAsync(Guid sessionId)
    {
        var loaded = await SessionLoader.LoadForWritingAsync(sessionId, Scopes, default) ?? throw new InvalidOperationException("No such session.");
        return new SessionWriter(loaded, Scopes, app.Services.GetRequiredService<SessionLogWriter>(),
            app.Services.GetRequiredService<SessionSnapshotWriter>(), TimeProvider.System, _ => { });
    }

    private static SessionEventRow Entry(Guid session, long seq, Guid author) => new()
    {
        SessionId = session, Seq = seq, Kind = SessionLogKinds.Chat, Payload = "{\"text\":\"hi\"}", AuthorId = author,
        At = DateTimeOffset.UtcNow, Audience = Audience.Everyone,
    };

    private async Task<List<SessionEventRow>> LogAsync(Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>().AsNoTracking()
            .Where(e => e.SessionId == sessionId).OrderBy(e => e.Seq).ToListAsync();
    }
}
