using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

public sealed class SessionLogWriterTests(MockLoopApp app) : IClassFixture<MockLoopApp>
{
    private static SessionEventRow Entry(Guid session, long seq, Guid author) => new()
    {
        SessionId = session, Seq = seq, Kind = SessionLogKinds.Chat, Payload = "{\"text\":\"hi\"}", AuthorId = author,
        At = DateTimeOffset.UtcNow, Audience = Audience.Everyone,
    };

    [Fact]
    public async Task Entries_written_together_commit_together_and_a_bad_one_fails_alone()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var writer = app.Services.GetRequiredService<SessionLogWriter>();
        var author = Guid.NewGuid();
        var epoch = await SessionEpochs.TakeAsync(app, room.Id);

        var writes = new[] { 1000L, 1001, 1002, 1001, 1003 }
            .Select(seq => writer.AppendAsync(Entry(room.Id, seq, author), epoch))
            .ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try { await w; return true; }
            catch (Npgsql.PostgresException) { return false; }
        }));

        Assert.Equal(1, outcomes.Count(ok => !ok));
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>()
            .Where(e => e.SessionId == room.Id).Select(e => e.Seq).OrderBy(s => s).ToListAsync();
        Assert.Equal([1000L, 1001, 1002, 1003], stored);
    }
}
