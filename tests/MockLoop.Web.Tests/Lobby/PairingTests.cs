using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Lobby;

/// <summary>The lobby holds one in-memory queue per app, so these tests get an app (and database) of their own.</summary>
public sealed class PairingTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    private const string Rubric = "ml-system-design@3";

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<RoomHub> LobbyAsync(HttpClient user)
    {
        var hub = await RoomHub.ConnectAsync(app, user, "v=1", "/hubs/lobby");
        await hub.ExpectAsync("Counts");
        return hub;
    }

    [Fact]
    public async Task A_candidate_and_an_interviewer_are_paired_into_one_new_session()
    {
        var cal = await FormPosts.NewUserAsync(app, "Cal");
        var ivy = await FormPosts.NewUserAsync(app, "Ivy");
        await using var calLobby = await LobbyAsync(cal);
        await using var ivyLobby = await LobbyAsync(ivy);

        var waiting = (await calLobby.CallAsync("Join", "candidate", Rubric, "fraud-detection"))!;
        Assert.True(waiting["ok"]!.GetValue<bool>());
        Assert.NotNull(waiting["waitingSince"]);
        await ivyLobby.CallAsync("Join", "interviewer", Rubric, "");

        var forCal = await calLobby.ExpectAsync("Matched");
        var forIvy = await ivyLobby.ExpectAsync("Matched");
        Assert.Equal(forCal["sessionUrl"]!.GetValue<string>(), forIvy["sessionUrl"]!.GetValue<string>());
        Assert.Equal("Candidate", forCal["role"]!.GetValue<string>());
        Assert.Equal("Interviewer", forIvy["role"]!.GetValue<string>());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Guid.Parse(forCal["sessionUrl"]!.GetValue<string>()["/s/".Length..]);
        var session = await db.Sessions.SingleAsync(s => s.Id == id);
        Assert.NotNull(session.InterviewerId);
        Assert.NotNull(session.CandidateId);
        Assert.Equal("ml-system-design", session.RubricId);
        Assert.Equal("fraud-detection", session.CaseId);
        Assert.True(RoomMarkup.HasLiveRoom(await cal.GetStringAsync(forCal["sessionUrl"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Two_candidates_are_not_paired_and_the_counts_say_who_waits()
    {
        var a = await FormPosts.NewUserAsync(app, "Ann");
        var b = await FormPosts.NewUserAsync(app, "Ben");
        await using var aLobby = await LobbyAsync(a);
        await using var bLobby = await LobbyAsync(b);

        await aLobby.CallAsync("Join", "candidate", Rubric, "");
        await bLobby.CallAsync("Join", "candidate", Rubric, "");

        var counts = await aLobby.ExpectAsync("Counts");
        counts = counts["candidates"]!.GetValue<int>() == 2 ? counts : await aLobby.ExpectAsync("Counts");
        Assert.Equal(2, counts["candidates"]!.GetValue<int>());
        Assert.Equal(0, counts["interviewers"]!.GetValue<int>());
    }

    [Fact]
    public async Task Leave_takes_a_person_out_of_the_queue_at_once()
    {
        var watcher = await FormPosts.NewUserAsync(app, "Watcher");
        var leaver = await FormPosts.NewUserAsync(app, "Leaver");
        await using var watching = await LobbyAsync(watcher);
        await using var leaving = await LobbyAsync(leaver);

        await leaving.CallAsync("Join", "interviewer", Rubric, "");
        Assert.Equal(1, (await watching.ExpectAsync("Counts"))["interviewers"]!.GetValue<int>());

        await leaving.CallAsync("Leave");
        Assert.Equal(0, (await watching.ExpectAsync("Counts"))["interviewers"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_tampered_role_rubric_or_case_is_refused_with_a_reason()
    {
        var user = await FormPosts.NewUserAsync(app, "Tamper");
        await using var lobby = await LobbyAsync(user);

        Assert.Contains("candidate, interviewer or either", (await lobby.CallAsync("Join", "boss", Rubric, ""))!["error"]!.GetValue<string>());
        Assert.Contains("shipped rubrics", (await lobby.CallAsync("Join", "either", "nope@9", ""))!["error"]!.GetValue<string>());
        Assert.Contains("not written for", (await lobby.CallAsync("Join", "either", Rubric, "no-such-case"))!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_anonymous_lobby_connection_is_refused()
    {
        var refused = await Assert.ThrowsAsync<HubRefusedException>(
            () => RoomHub.ConnectAsync(app, app.CreateBrowserLikeClient(), "v=1", "/hubs/lobby"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.Status);
    }
}
