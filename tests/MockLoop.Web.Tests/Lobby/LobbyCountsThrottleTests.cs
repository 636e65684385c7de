using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Time.Testing;
using MockLoop.Core.Pairing;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Lobby;

/// <summary>Item 7: however fast people join and leave, the lobby's counts go out at most once per interval.</summary>
public sealed class LobbyCountsThrottleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private MockLoopApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new MockLoopApp { Clock = _clock };
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_burst_of_joins_and_leaves_reaches_watchers_as_one_broadcast_now_and_one_with_the_final_counts()
    {
        var watcher = await FormPosts.NewUserAsync(_app, "Watcher");
        var mover = await FormPosts.NewUserAsync(_app, "Mover");
        var counts = new ConcurrentQueue<JsonElement>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var watching = await RoomHub.ConnectAsync(_app, watcher, "v=1", "/hubs/lobby",
            beforeStart: hub => hub.On<JsonElement>("Counts", c => { counts.Enqueue(c); first.TrySetResult(); }));
        await using var moving = await RoomHub.ConnectAsync(_app, mover, "v=1", "/hubs/lobby");
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var before = counts.Count;

        for (var i = 0; i < 10; i++)
        {
            await moving.Connection.InvokeAsync<JsonElement>("Join", "candidate", "ml-system-design@3", "");
            await moving.Connection.InvokeAsync("Leave");
        }
        await moving.Connection.InvokeAsync<JsonElement>("Join", "candidate", "ml-system-design@3", "");
        // Time has not moved: only the first change went out. Now the interval ends and the rest goes as one.
        _clock.Advance(CountsThrottle.Interval);

        for (var i = 0; i < 200 && counts.Count - before < 2; i++)
        {
            await Task.Delay(25);
        }
        // A round trip on the watcher's own connection: whatever the server sent it before is delivered by now.
        await watching.Connection.InvokeAsync("Leave");
        var sent = counts.Skip(before).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(1, sent[^1].GetProperty("candidates").GetInt32());
    }
}
