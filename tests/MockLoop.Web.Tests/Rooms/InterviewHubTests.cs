using System.Net;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

public sealed class InterviewHubTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpClient Interviewer, HttpClient Candidate, Guid Session)> PairAsync()
    {
        var interviewer = await FormPosts.NewUserAsync(app, "Ivy Interviewer");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer");
        var candidate = await FormPosts.NewUserAsync(app, "Cal Candidate");
        await FormPosts.JoinAsync(candidate, id);
        return (interviewer, candidate, id);
    }

    [Fact]
    public async Task An_anonymous_connection_is_refused()
    {
        var (_, _, id) = await PairAsync();
        var refused = await Assert.ThrowsAsync<HubRefusedException>(
            () => RoomHub.ConnectAsync(app, app.CreateBrowserLikeClient(), $"session={id}"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Fact]
    public async Task A_signed_in_non_member_is_refused_with_a_clear_message()
    {
        var (_, _, id) = await PairAsync();
        var stranger = await FormPosts.NewUserAsync(app, "Stranger");

        var refused = await Assert.ThrowsAsync<HubRefusedException>(
            () => RoomHub.ConnectAsync(app, stranger, $"session={id}"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("You are not a participant in this interview.", refused.Reason);
    }

    [Fact]
    public async Task A_connection_without_a_session_is_refused()
    {
        var user = await FormPosts.NewUserAsync(app, "Nowhere");
        var refused = await Assert.ThrowsAsync<HubRefusedException>(() => RoomHub.ConnectAsync(app, user, "session=nope"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Fact]
    public async Task A_member_receives_the_room_with_both_participants_and_their_roles()
    {
        var (interviewer, _, id) = await PairAsync();
        await using var hub = await RoomHub.ConnectAsync(app, interviewer, $"session={id}");

        var state = await hub.ExpectAsync("RoomState");
        Assert.Equal(id.ToString(), state["sessionId"]!.GetValue<string>());
        Assert.Equal("Interviewer", state["myRole"]!.GetValue<string>());
        var participants = state["participants"]!.AsArray();
        Assert.Equal(2, participants.Count);
        Assert.Contains(participants, p => p!["displayName"]!.GetValue<string>() == "Cal Candidate"
                                           && p["role"]!.GetValue<string>() == "Candidate"
                                           && !p["online"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Each_side_sees_the_other_come_online_and_go_offline()
    {
        var (interviewer, candidate, id) = await PairAsync();
        await using var interviewerHub = await RoomHub.ConnectAsync(app, interviewer, $"session={id}");
        await interviewerHub.ExpectAsync("RoomState");

        var candidateHub = await RoomHub.ConnectAsync(app, candidate, $"session={id}");
        var candidateView = await candidateHub.ExpectAsync("RoomState");
        Assert.Contains(candidateView["participants"]!.AsArray(),
            p => p!["role"]!.GetValue<string>() == "Interviewer" && p["online"]!.GetValue<bool>());

        var online = await interviewerHub.ExpectAsync("Presence");
        Assert.Equal("Cal Candidate", online["participant"]!["displayName"]!.GetValue<string>());
        Assert.True(online["participant"]!["online"]!.GetValue<bool>());

        await candidateHub.DisposeAsync();
        var offline = await interviewerHub.ExpectAsync("Presence");
        Assert.Equal("Candidate", offline["participant"]!["role"]!.GetValue<string>());
        Assert.Equal("Cal Candidate", offline["participant"]!["displayName"]!.GetValue<string>());
        Assert.False(offline["participant"]!["online"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_second_tab_of_the_same_person_does_not_flap_their_presence()
    {
        var (interviewer, candidate, id) = await PairAsync();
        await using var interviewerHub = await RoomHub.ConnectAsync(app, interviewer, $"session={id}");
        await interviewerHub.ExpectAsync("RoomState");

        await using var firstTab = await RoomHub.ConnectAsync(app, candidate, $"session={id}");
        await interviewerHub.ExpectAsync("Presence");
        var secondTab = await RoomHub.ConnectAsync(app, candidate, $"session={id}");
        await secondTab.ExpectAsync("RoomState");
        await secondTab.DisposeAsync();

        // Closing one of two tabs leaves the candidate online: the next presence news is the last tab closing.
        await firstTab.DisposeAsync();
        var offline = await interviewerHub.ExpectAsync("Presence");
        Assert.False(offline["participant"]!["online"]!.GetValue<bool>());
    }
}
