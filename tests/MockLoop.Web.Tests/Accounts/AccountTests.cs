using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Accounts;

public sealed class AccountTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Registering_signs_the_new_user_in_and_stores_the_display_name()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await FormPosts.RegisterAsync(client, "ada@example.test", "Ada Lovelace");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", FormPosts.RedirectPath(response));
        var home = await client.GetStringAsync("/");
        Assert.Contains("Ada Lovelace", home);
        Assert.Contains("Sign out", home);

        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync();
        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.True(user.LockoutEnabled);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_rule_it_breaks_and_nothing_is_stored()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await FormPosts.RegisterAsync(client, "weak@example.test", "Weak", password: "abcdefgh");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least one digit", await response.Content.ReadAsStringAsync());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync());
    }

    [Fact]
    public async Task Invalid_fields_get_a_message_each()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await FormPosts.PostFormAsync(client, "/account/register", null,
        [
            new("_handler", "register"),
            new("Input.Email", "not-an-email"),
            new("Input.DisplayName", ""),
            new("Input.Password", "short1"),
            new("Input.ConfirmPassword", "different"),
        ]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a valid email address.", html);
        Assert.Contains("Choose a display name.", html);
        Assert.Contains("A password has at least 8 characters.", html);
        Assert.Contains("The two passwords differ.", html);
    }

    [Fact]
    public async Task An_email_can_only_be_registered_once()
    {
        await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), "twice@example.test", "First");
        var response = await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), "twice@example.test", "Second");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already taken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_in_with_the_right_password_works_and_a_wrong_one_says_so()
    {
        await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), "grace@example.test", "Grace");

        var wrong = await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), "grace@example.test", "nope12345");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("did not sign you in", await wrong.Content.ReadAsStringAsync());

        var client = app.CreateBrowserLikeClient();
        var right = await FormPosts.SignInAsync(client, "grace@example.test");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sessions/new")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_without_telling_it_apart_from_an_unknown_email()
    {
        await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), "locked@example.test", "Locked");
        for (var i = 0; i < 5; i++)
        {
            await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), "locked@example.test", "wrong-password1");
        }

        var locked = await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), "locked@example.test");
        var unknown = await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), "nobody@example.test");
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(ErrorAlert(await unknown.Content.ReadAsStringAsync()), ErrorAlert(await locked.Content.ReadAsStringAsync()));
        Assert.Contains("After 5 failed attempts", ErrorAlert(await locked.Content.ReadAsStringAsync()));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("locked@example.test"))!));
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_that_asked_for_it_but_never_to_another_site()
    {
        await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), "back@example.test", "Back");

        var client = app.CreateBrowserLikeClient();
        var local = await FormPosts.PostFormAsync(client, "/account/login?ReturnUrl=%2Fsessions%2Fnew", null,
            [new("_handler", "login"), new("Input.Email", "back@example.test"), new("Input.Password", FormPosts.Password)]);
        Assert.Equal("/sessions/new", FormPosts.RedirectPath(local));

        var evil = await FormPosts.PostFormAsync(app.CreateBrowserLikeClient(), "/account/login?ReturnUrl=%2F%2Fevil.example", null,
            [new("_handler", "login"), new("Input.Email", "back@example.test"), new("Input.Password", FormPosts.Password)]);
        Assert.Equal("/", FormPosts.RedirectPath(evil));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostAsync("/account/register", new FormUrlEncodedContent(
        [
            new("_handler", "register"),
            new("Input.Email", "forged@example.test"),
            new("Input.DisplayName", "Forged"),
            new("Input.Password", FormPosts.Password),
            new("Input.ConfirmPassword", FormPosts.Password),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await FormPosts.NewUserAsync(app, "Leaver");
        var response = await FormPosts.PostFormAsync(client, "/", "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/sessions/new");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/account/login", after.Headers.Location!.ToString());
    }

    private static string ErrorAlert(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"alert error\" role=\"alert\">([^<]*)</div>");
        Assert.True(match.Success, "No error message on the page.");
        return match.Groups[1].Value;
    }
}
