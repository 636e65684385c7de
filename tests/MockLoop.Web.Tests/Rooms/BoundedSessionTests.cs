using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Core.Contracts;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>Item 6: what one session holds and sends stays bounded, and Sync is rate limited.</summary>
public sealed class BoundedSessionTests(FrozenClockApp app) : IClassFixture<FrozenClockApp>
{
    [Fact]
    public async Task A_snapshot_carries_the_latest_200_chat_messages_and_older_ones_are_paged_from_the_log()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        // Two senders, so 205 messages fit their bursts on a clock that does not move.
        for (var i = 0; i < 205; i++)
        {
            var sender = i % 2 == 0 ? room.InterviewerHub : room.CandidateHub;
            Assert.True((await sender.CommandAsync(InterviewHubMethods.SendChat, $"message {i}", $"m-{i}")).Ok);
        }

        var snapshot = (await room.CandidateHub.SyncAsync(-1)).GetProperty("snapshot");
        var chat = snapshot.GetProperty("chat").EnumerateArray().ToList();
        Assert.Equal(200, chat.Count);
        Assert.Equal("message 5", chat[0].GetProperty("text").GetString());
        Assert.Equal("message 204", chat[^1].GetProperty("text").GetString());
        Assert.True(snapshot.GetProperty("olderChat").GetBoolean());

        var older = await room.CandidateHub.Connection.InvokeAsync<ChatPage>(InterviewHubMethods.ChatBefore, chat[0].GetProperty("seq").GetInt64());
        Assert.Equal(["message 0", "message 1", "message 2", "message 3", "message 4"], older.Messages.Select(m => m.Text));
        Assert.False(older.HasMore);
        Assert.Equal("Ivy", older.Messages[0].AuthorName);
    }

    [Fact]
    public async Task Sync_is_rate_limited_per_connection()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        for (var i = 0; i < 10; i++)
        {
            await room.CandidateHub.SyncAsync(-1);
        }

        var limited = await Assert.ThrowsAsync<HubException>(() => room.CandidateHub.SyncAsync(-1));

        Assert.Contains("rate_limited", limited.Message);
        // The partner's budget is their own.
        await room.InterviewerHub.SyncAsync(-1);
        app.ManualClock.Advance(TimeSpan.FromSeconds(1));
        await room.CandidateHub.SyncAsync(-1);
    }
}
