using System.Net;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

public sealed class SessionSeatTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_creator_gets_the_room_with_an_invite_link()
    {
        var host = await FormPosts.NewUserAsync(app, "Host");
        var id = await FormPosts.CreateSessionAsync(host, "Interviewer");

        var room = await host.GetStringAsync($"/s/{id}");
        Assert.True(RoomMarkup.HasLiveRoom(room));
        Assert.Contains($"http://localhost/s/{id}", RoomMarkup.LiveRoomParameters(room));
        Assert.Contains("_framework/blazor.web.js", room);
    }

    [Fact]
    public async Task The_second_person_is_offered_the_other_seat_and_takes_it()
    {
        var host = await FormPosts.NewUserAsync(app, "Host");
        var id = await FormPosts.CreateSessionAsync(host, "Interviewer");
        var guest = await FormPosts.NewUserAsync(app, "Guest");

        var invite = await guest.GetStringAsync($"/s/{id}");
        Assert.Contains("Join as candidate", invite);

        var join = await FormPosts.JoinAsync(guest, id);
        Assert.Equal(HttpStatusCode.Redirect, join.StatusCode);
        Assert.True(RoomMarkup.HasLiveRoom(await guest.GetStringAsync($"/s/{id}")));
    }

    [Fact]
    public async Task A_third_person_is_told_the_session_is_full_and_cannot_take_a_seat()
    {
        var host = await FormPosts.NewUserAsync(app, "Host");
        var id = await FormPosts.CreateSessionAsync(host, "Candidate");
        var guest = await FormPosts.NewUserAsync(app, "Guest");
        await FormPosts.JoinAsync(guest, id);
        var third = await FormPosts.NewUserAsync(app, "Third");

        var page = await third.GetAsync($"/s/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("This interview is full", await page.Content.ReadAsStringAsync());

        await FormPosts.PostFormAsync(third, "/sessions/new", $"/s/{id}/join", []);
        var again = await third.GetAsync($"/s/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back_to_the_invite()
    {
        var host = await FormPosts.NewUserAsync(app, "Host");
        var id = await FormPosts.CreateSessionAsync(host, "Interviewer");

        var response = await app.CreateBrowserLikeClient().GetAsync($"/s/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Contains("/account/login", location);
        Assert.Contains(Uri.EscapeDataString($"/s/{id}"), location);
    }

    [Fact]
    public async Task An_unknown_session_is_a_clear_not_found()
    {
        var user = await FormPosts.NewUserAsync(app, "Lost");
        var response = await user.GetAsync($"/s/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tampered_role_is_refused_and_creates_nothing()
    {
        var user = await FormPosts.NewUserAsync(app, "Tamper");
        var response = await FormPosts.PostFormAsync(user, "/sessions/new", "/sessions", [new("role", "Admin")]);
        Assert.Equal("/sessions/new?error=role", FormPosts.RedirectPath(response));
        Assert.Contains("Choose whether you interview", await user.GetStringAsync("/sessions/new?error=role"));
    }
}
