using MockLoop.Core.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;
using Npgsql;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>Item 1 on the shared cluster: the app's pooled connections are killed under it (pg_terminate_backend).</summary>
public sealed class DatabaseTroubleTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_change_that_meets_a_broken_pooled_connection_is_unavailable_applies_nothing_and_goes_through_when_resent()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        Assert.True((await room.InterviewerHub.CommandAsync("SendChat", "one", "c-1")).Ok);

        await TerminateAppConnectionsAsync();
        var broken = await room.InterviewerHub.CommandAsync("SendChat", "two", "c-2");

        Assert.Equal(CommandCodes.Unavailable, broken.Code);
        Assert.Null(broken.Seq);
        Assert.Equal(["one"], await ChatInLogAsync(room.Id));

        CommandResult resent;
        var attempts = 0;
        do
        {
            resent = await room.InterviewerHub.CommandAsync("SendChat", "two", "c-2");
        }
        while (resent.Code == CommandCodes.Unavailable && ++attempts < 20);

        Assert.True(resent.Ok, resent.Error);
        Assert.Equal(2, resent.Seq);
        Assert.Equal(["one", "two"], await ChatInLogAsync(room.Id));
        Assert.Equal("two", (await room.CandidateHub.EventAsync(2)).GetProperty("chat").GetProperty("text").GetString());
        // Only what the log holds: the reloaded session has the two messages, no more, no fewer.
        var chat = (await room.CandidateHub.SyncAsync(-1)).GetProperty("snapshot").GetProperty("chat");
        Assert.Equal(2, chat.GetArrayLength());
    }

    private async Task TerminateAppConnectionsAsync()
    {
        await using var admin = new NpgsqlConnection(TestDatabase.ServerConnectionString);
        await admin.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", admin);
        kill.Parameters.AddWithValue("db", app.Database.Name);
        Assert.True((long)(await kill.ExecuteScalarAsync())! > 0, "The app held no pooled connection to break.");
    }

    private async Task<List<string>> ChatInLogAsync(Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>()
            .Where(e => e.SessionId == sessionId && e.Kind == "chat").OrderBy(e => e.Seq).ToListAsync();
        return rows.Select(r => ((MockLoop.Core.Sessions.ChatPosted)MockLoop.Core.Sessions.SessionChangeJson.Deserialize(r.Kind, r.Payload)).Text).ToList();
    }
}
