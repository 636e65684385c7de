using MockLoop.Core.Contracts;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>
/// Item 1 of the hardening issue, on a cluster of this class's own: PostgreSQL is really stopped and started again
/// while the room is open. A command that cannot be stored gets "unavailable", nothing is applied, and the same
/// command goes through once the database is back.
/// </summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private DedicatedCluster _cluster = null!;
    private TestDatabase _database = null!;
    private MockLoopApp _app = null!;

    public async Task InitializeAsync()
    {
        _cluster = await DedicatedCluster.StartAsync();
        _database = await TestDatabase.CreateAsync("restart", _cluster.ServerConnectionString);
        _app = await MockLoopApp.StartOnAsync(_database);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_change_made_while_PostgreSQL_restarts_is_answered_unavailable_and_stored_once_when_it_is_back()
    {
        await using var room = await PairedRoom.OpenAsync(_app);
        var first = await room.CandidateHub.CommandAsync("SendChat", "before the restart", "chat-1");
        Assert.True(first.Ok);

        await _cluster.StopServerAsync();

        var chat = await room.CandidateHub.CommandAsync("SendChat", "during the restart", "chat-2");
        Assert.False(chat.Ok);
        Assert.Equal("unavailable", chat.Code);
        Assert.Equal("Not saved: the database is unavailable. Your change will be retried.", chat.Error);
        var op = await room.InterviewerHub.CommandAsync("SubmitOp", AddNode("op-during", "n-during"));
        Assert.Equal("unavailable", op.Code);
        // A reload while the database is down is refused the same way, so the client knows to try again.
        var sync = await Assert.ThrowsAsync<HubException>(() => room.InterviewerHub.SyncAsync(-1));
        Assert.Contains("unavailable", sync.Message);

        await _cluster.StartServerAsync();

        // The client resends the same commands: each is stored exactly once, in order, and both see them.
        var retriedChat = await RetryWhileUnavailableAsync(() => room.CandidateHub.CommandAsync("SendChat", "during the restart", "chat-2"));
        var retriedOp = await RetryWhileUnavailableAsync(() => room.InterviewerHub.CommandAsync("SubmitOp", AddNode("op-during", "n-during")));
        Assert.Equal(2, retriedChat.Seq);
        Assert.Equal(3, retriedOp.Seq);
        var again = await room.CandidateHub.CommandAsync("SendChat", "during the restart", "chat-2");
        Assert.Equal(2, again.Seq);

        var log = await LogAsync(room.Id);
        Assert.Equal([1L, 2L, 3L], log.Select(e => e.Seq));
        Assert.Equal(["chat-1", "chat-2", "op-during"], log.Select(e => e.ClientId));
        await room.InterviewerHub.EventAsync(2);
        await room.InterviewerHub.EventAsync(3);

        // The session's state equals its log: a fresh snapshot has both messages and the node, nothing else.
        var snapshot = (await room.InterviewerHub.SyncAsync(-1)).GetProperty("snapshot");
        Assert.Equal(["before the restart", "during the restart"],
            snapshot.GetProperty("chat").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.Single(snapshot.GetProperty("diagram").GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public async Task A_reconnecting_client_is_answered_from_memory_while_PostgreSQL_is_down()
    {
        // Item 6: Sync never makes the session's writer wait on the database; it reads nothing from it at all.
        await using var room = await PairedRoom.OpenAsync(_app);
        Assert.True((await room.CandidateHub.CommandAsync("SendChat", "said before the outage", "chat-1")).Ok);

        await _cluster.StopServerAsync();

        var snapshot = (await room.InterviewerHub.SyncAsync(-1)).GetProperty("snapshot");
        Assert.Equal(["said before the outage"], snapshot.GetProperty("chat").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        var caughtUp = await room.CandidateHub.SyncAsync(0);
        Assert.Equal(1, caughtUp.GetProperty("seq").GetInt64());
        Assert.Single(caughtUp.GetProperty("events").EnumerateArray());
        await _cluster.StartServerAsync();
    }

    [Fact]
    public async Task A_lobby_join_while_PostgreSQL_restarts_is_answered_unavailable_and_goes_through_when_it_is_back()
    {
        var person = await FormPosts.NewUserAsync(_app, "Lou Lobby");
        await using var lobby = await RoomHub.ConnectAsync(_app, person, "v=1", "/hubs/lobby");

        await _cluster.StopServerAsync();
        var during = await lobby.Connection.InvokeAsync<JsonElement>("Join", "candidate", "ml-system-design@3", "");
        Assert.False(during.GetProperty("ok").GetBoolean());
        Assert.Equal("unavailable", during.GetProperty("code").GetString());
        // Nothing was queued by the refused join.
        Assert.Equal(0, (await _app.Services.GetRequiredService<MockLoop.Web.Lobby.ILobby>().CountsAsync()).Candidates);

        await _cluster.StartServerAsync();
        JsonElement after;
        var attempts = 0;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempts));
            after = await lobby.Connection.InvokeAsync<JsonElement>("Join", "candidate", "ml-system-design@3", "");
        }
        while (after.GetProperty("code").ValueKind == JsonValueKind.String && after.GetProperty("code").GetString() == "unavailable" && ++attempts < 50);
        Assert.True(after.GetProperty("ok").GetBoolean(), after.GetRawText());
        Assert.Equal(1, (await _app.Services.GetRequiredService<MockLoop.Web.Lobby.ILobby>().CountsAsync()).Candidates);
    }

    private static async Task<CommandResult> RetryWhileUnavailableAsync(Func<Task<CommandResult>> send)
    {
        // What the room client does: pooled connections broken by the restart are discarded one failure at a time.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var result = await send();
            if (result.Code != CommandCodes.Unavailable)
            {
                Assert.True(result.Ok, result.Error);
                return result;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("Still unavailable after the database came back.");
    }

    internal static JsonElement AddNode(string opId, string nodeId, string label = "Feature store") => JsonSerializer.SerializeToElement(new
    {
        type = "addNode",
        opId,
        node = new { id = nodeId, componentType = "feature-store", label, x = 10.0, y = 20.0, width = 160.0, height = 64.0 },
    });

    private async Task<List<SessionEventRow>> LogAsync(Guid sessionId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>()
            .Where(e => e.SessionId == sessionId).OrderBy(e => e.Seq).ToListAsync();
    }
}
