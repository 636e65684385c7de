using System.Net;
using MockLoop.Web.Tests.Rubrics;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Security;

/// <summary>Item 5: the form posts that can be abused are rate limited with 429, Retry-After and a page for people.</summary>
public sealed class FormRateLimitTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private MockLoopApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("limits");
        _app = await MockLoopApp.StartOnAsync(_database, web =>
        {
            web.UseSetting("RateLimits:SignIn", "3");
            web.UseSetting("RateLimits:Register", "2");
            web.UseSetting("RateLimits:CreateSession", "2");
            web.UseSetting("RateLimits:JoinSession", "2");
            web.UseSetting("RateLimits:RubricUpload", "1");
            web.UseSetting("RateLimits:Window", "00:10:00");
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_get_429_with_Retry_After_and_a_friendly_page_and_reading_the_page_stays_free()
    {
        var client = _app.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await FormPosts.SignInAsync(client, $"spray{i}@example.test", "guess12345")).StatusCode);
        }

        var limited = await FormPosts.SignInAsync(client, "spray9@example.test", "guess12345");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", page);
        Assert.Contains("Try again in", page);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task Registration_past_the_limit_is_refused_and_creates_no_account()
    {
        var client = _app.CreateBrowserLikeClient();
        await FormPosts.RegisterAsync(_app.CreateBrowserLikeClient(), "one@example.test", "One");
        await FormPosts.RegisterAsync(_app.CreateBrowserLikeClient(), "two@example.test", "Two");

        var limited = await FormPosts.RegisterAsync(client, "three@example.test", "Three");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        // Sign-in has a budget of its own.
        Assert.Equal(HttpStatusCode.OK, (await FormPosts.SignInAsync(client, "one@example.test", "wrong-one1")).StatusCode);
    }

    [Fact]
    public async Task Creating_and_joining_sessions_and_uploading_rubrics_are_limited_per_user()
    {
        // Each test has an app of its own, so the two registrations fit the registration limit of 2.
        var hostHere = await FormPosts.NewUserAsync(_app, "Host");
        var guestHere = await FormPosts.NewUserAsync(_app, "Guest");

        var first = await FormPosts.CreateSessionAsync(hostHere, "Interviewer");
        var second = await FormPosts.CreateSessionAsync(hostHere, "Interviewer");
        var third = await FormPosts.PostFormAsync(hostHere, "/sessions/new", "/sessions", [new("role", "Interviewer"), new("rubric", ""), new("case", "")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await FormPosts.JoinAsync(guestHere, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPosts.JoinAsync(guestHere, second)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await FormPosts.JoinAsync(guestHere, first)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadPosts.PasteAsync(hostHere, UploadPosts.ValidRubric("mine-1"))).StatusCode);
        var upload = await UploadPosts.PasteAsync(hostHere, UploadPosts.ValidRubric("mine-2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, upload.StatusCode);
        // The page speaks of uploads, keeps the top bar and a way back, and gives the pasted JSON back to copy.
        var page = await upload.Content.ReadAsStringAsync();
        Assert.Contains("rubric uploads", page);
        Assert.DoesNotContain("keep accounts safe", page);
        Assert.Contains("class=\"topbar\"", page);
        Assert.Contains("href=\"/rubrics/upload\"", page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(UploadPosts.ValidRubric("mine-2")), page);
        // Another user has a budget of their own.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadPosts.PasteAsync(guestHere, UploadPosts.ValidRubric("theirs-1"))).StatusCode);
    }
}
