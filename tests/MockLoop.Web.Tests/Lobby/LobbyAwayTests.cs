using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MockLoop.Core.Pairing;
using MockLoop.Web.Lobby;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Lobby;

/// <summary>
/// Issue 20: a queued person whose lobby connection drops keeps their place for PairingQueue.AwayGrace, is not paired
/// while away, and is paired as soon as they are back. Real SignalR connections; the app's clock is moved by hand.
/// </summary>
public sealed class LobbyAwayTests : IAsyncLifetime
{
    private const string Rubric = "ml-system-design@3";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private MockLoopApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new MockLoopApp { Clock = _clock };
        await ((IAsyncLifetime)_app).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    private ILobbyGrain Lobby => _app.Services.GetRequiredService<IGrainFactory>().GetGrain<ILobbyGrain>(0);

    private async Task<RoomHub> LobbyAsync(HttpClient user)
    {
        var hub = await RoomHub.ConnectAsync(_app, user, "v=1", "/hubs/lobby");
        await hub.ExpectAsync("Counts");
        return hub;
    }

    /// <summary>The closed connection's disconnect reaches the lobby grain (in-process, well under a second).</summary>
    private static Task DisconnectSettlesAsync() => Task.Delay(TimeSpan.FromSeconds(1));

    [Fact]
    public async Task A_dropped_connection_keeps_the_place_and_the_count_until_the_grace_ends_and_a_reconnect_finds_the_same_place()
    {
        var ivy = await FormPosts.NewUserAsync(_app, "Ivy Away");
        var first = await LobbyAsync(ivy);
        var joined = (await first.CallAsync("Join", "interviewer", Rubric, ""))!["waitingSince"]!.GetValue<DateTimeOffset>();

        // The connection drops (no Leave): still queued and counted, through most of the grace.
        await first.DisposeAsync();
        await DisconnectSettlesAsync();
        _clock.Advance(PairingQueue.AwayGrace - TimeSpan.FromSeconds(5));
        Assert.Equal(1, (await Lobby.Counts()).Interviewers);

        // Back in time: the same join finds the same place, with the time first joined.
        await using var second = await LobbyAsync(ivy);
        var rejoined = (await second.CallAsync("Join", "interviewer", Rubric, ""))!;
        Assert.True(rejoined["ok"]!.GetValue<bool>());
        Assert.Equal(joined, rejoined["waitingSince"]!.GetValue<DateTimeOffset>());
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, (await Lobby.Counts()).Interviewers);
    }

    [Fact]
    public async Task Someone_away_past_the_grace_leaves_the_queue()
    {
        var ivy = await FormPosts.NewUserAsync(_app, "Ivy Gone");
        var lobby = await LobbyAsync(ivy);
        await lobby.CallAsync("Join", "interviewer", Rubric, "");
        await lobby.DisposeAsync();
        await DisconnectSettlesAsync();
        Assert.Equal(1, (await Lobby.Counts()).Interviewers);

        for (var i = 0; i < 100 && (await Lobby.Counts()).Interviewers > 0; i++)
        {
            _clock.Advance(PairingQueue.AwayGrace);
            await Task.Delay(50);
        }
        Assert.Equal(0, (await Lobby.Counts()).Interviewers);
    }

    [Fact]
    public async Task Nobody_is_paired_with_someone_away_and_they_are_paired_the_moment_they_are_back()
    {
        var cal = await FormPosts.NewUserAsync(_app, "Cal Away");
        var ivy = await FormPosts.NewUserAsync(_app, "Ivy Waits");
        var calFirst = await LobbyAsync(cal);
        await calFirst.CallAsync("Join", "candidate", Rubric, "");
        await calFirst.DisposeAsync();
        await DisconnectSettlesAsync();

        await using var ivyLobby = await LobbyAsync(ivy);
        Assert.True((await ivyLobby.CallAsync("Join", "interviewer", Rubric, ""))!["ok"]!.GetValue<bool>());
        var counts = await Lobby.Counts();
        Assert.Equal((1, 1), (counts.Candidates, counts.Interviewers));

        // Cal's page reconnects: the match is made on the connection, before the page even sends its join again.
        // (Not LobbyAsync: waiting for Counts first would pass over a Matched sent before them.)
        await using var calBack = await RoomHub.ConnectAsync(_app, cal, "v=1", "/hubs/lobby");
        var forCal = await calBack.ExpectAsync("Matched");
        var forIvy = await ivyLobby.ExpectAsync("Matched");
        Assert.Equal(forCal["sessionUrl"]!.GetValue<string>(), forIvy["sessionUrl"]!.GetValue<string>());
        Assert.Equal("Candidate", forCal["role"]!.GetValue<string>());
        Assert.Equal("Interviewer", forIvy["role"]!.GetValue<string>());
    }
}
