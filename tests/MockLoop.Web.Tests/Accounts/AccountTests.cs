using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Accounts;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Accounts;

public sealed class AccountTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Registering_mails_a_confirmation_link_and_the_account_opens_only_once_it_is_followed()
    {
        var email = TestUsers.UniqueEmail("Ada");
        var client = app.CreateBrowserLikeClient();
        var response = await FormPosts.RegisterAsync(client, email, "Ada Lovelace");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your inbox", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Sign out", await client.GetStringAsync("/"));
        var mail = await TestMailServer.WaitForAsync(email, AccountMails.ConfirmSubject);
        Assert.Contains("Hello Ada Lovelace", mail.TextBody);
        var link = TestMailServer.LinkIn(mail, AccountLinks.ConfirmPath);

        // Before the link: the right password is told to confirm first (and gets a new link); nobody is signed in.
        var early = await FormPosts.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Confirm your email address first", await early.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/sessions/new")).StatusCode);
        Assert.Equal(2, (await TestMailServer.MessagesToAsync(email)).Count(m => m.Subject == AccountMails.ConfirmSubject));

        var confirmed = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Your email is confirmed", await confirmed.Content.ReadAsStringAsync());
        var signedIn = await FormPosts.SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var home = await client.GetStringAsync("/");
        Assert.Contains("Ada Lovelace", home);
        Assert.Contains("Sign out", home);

        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == email);
        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.True(user.EmailConfirmed);
        Assert.True(user.LockoutEnabled);
    }

    [Fact]
    public async Task A_known_email_gets_the_same_answer_as_a_new_one_and_its_owner_a_warning_mail()
    {
        var known = TestUsers.UniqueEmail("Known");
        await TestUsers.CreateConfirmedAsync(app.Services, known, "Kim Known");
        var fresh = TestUsers.UniqueEmail("Fresh");

        var forKnown = await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), known, "Mallory");
        var forFresh = await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), fresh, "Fred Fresh");

        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(forFresh.StatusCode, forKnown.StatusCode);
        Assert.Equal(await PageAsync(forFresh), await PageAsync(forKnown));

        var warning = await TestMailServer.WaitForAsync(known, AccountMails.AlreadyRegisteredSubject);
        Assert.Contains("Hello Kim Known", warning.TextBody);
        Assert.Contains("which already has one", warning.TextBody);
        Assert.Equal("/account/forgot", TestMailServer.LinkIn(warning, "/account/forgot"));
        Assert.DoesNotContain(AccountLinks.ConfirmPath, warning.TextBody);
        Assert.DoesNotContain(await TestMailServer.MessagesToAsync(known), m => m.Subject == AccountMails.ConfirmSubject);
        await TestMailServer.WaitForAsync(fresh, AccountMails.ConfirmSubject);

        // Nothing of the known account changed: its name, and its password still signs in.
        await using var scope = app.Services.CreateAsyncScope();
        var owners = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == known).ToListAsync();
        Assert.Equal("Kim Known", Assert.Single(owners).DisplayName);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), known)).StatusCode);
    }

    [Fact]
    public async Task Registering_costs_one_password_hash_whether_the_email_is_known_or_new()
    {
        var counter = new CountingHasher();
        await using var counted = await MockLoopApp.StartOnAsync(app.Database, web => web.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<AppUser>>(_ => counter)));
        var known = TestUsers.UniqueEmail("Known");
        await TestUsers.CreateConfirmedAsync(counted.Services, known, "Known");

        async Task<int> HashesForAsync(string email)
        {
            var before = counter.Hashes + counter.Verifications;
            var response = await FormPosts.RegisterAsync(counted.CreateBrowserLikeClient(), email, "Someone");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return counter.Hashes + counter.Verifications - before;
        }

        Assert.Equal(1, await HashesForAsync(known));
        Assert.Equal(1, await HashesForAsync(TestUsers.UniqueEmail("New")));
    }

    [Fact]
    public async Task A_known_email_with_a_weak_password_gets_the_same_rule_as_a_new_one()
    {
        var known = TestUsers.UniqueEmail("Known");
        await TestUsers.CreateConfirmedAsync(app.Services, known, "Known");

        var forKnown = await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), known, "Someone", password: "abcdefgh");
        var forFresh = await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), TestUsers.UniqueEmail("Fresh"), "Someone", password: "abcdefgh");

        Assert.Contains("at least one digit", await forKnown.Content.ReadAsStringAsync());
        Assert.Equal(ErrorList(await forFresh.Content.ReadAsStringAsync()), ErrorList(await forKnown.Content.ReadAsStringAsync()));
        Assert.Empty(await TestMailServer.MessagesToAsync(known));
    }

    [Fact]
    public async Task A_changed_or_cut_confirmation_link_is_refused_with_a_clear_message_and_confirms_nothing()
    {
        var email = TestUsers.UniqueEmail("Tam");
        await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), email, "Tam Pered");
        var link = TestMailServer.LinkIn(await TestMailServer.WaitForAsync(email, AccountMails.ConfirmSubject), AccountLinks.ConfirmPath);
        var code = link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..];
        var flipped = code[..20] + (code[20] == 'A' ? 'B' : 'A') + code[21..];

        foreach (var bad in new[] { link.Replace(code, flipped), link.Replace(code, code[..(code.Length / 2)]), link.Replace(code, "not*base64!") })
        {
            var response = await app.CreateBrowserLikeClient().GetAsync(bad);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("The confirmation link is not valid", html);
        }
        var otherUser = link.Replace(link[(link.IndexOf("userId=", StringComparison.Ordinal) + 7)..link.IndexOf('&')], Guid.NewGuid().ToString());
        Assert.Contains("The confirmation link is not valid", await app.CreateBrowserLikeClient().GetStringAsync(otherUser));

        await using var scope = app.Services.CreateAsyncScope();
        Assert.False((await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == email)).EmailConfirmed);
        Assert.Contains("Confirm your email address first", await (await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), email)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_gets_the_one_failure_sentence_and_no_mail()
    {
        var email = TestUsers.UniqueEmail("Una");
        await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), email, "Una Confirmed");
        await TestMailServer.WaitForAsync(email, AccountMails.ConfirmSubject);

        var wrong = await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), email, "wrong-pass1");
        var unknown = await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), TestUsers.UniqueEmail("Nobody"), "wrong-pass1");

        Assert.Equal(ErrorAlert(await unknown.Content.ReadAsStringAsync()), ErrorAlert(await wrong.Content.ReadAsStringAsync()));
        Assert.Single(await TestMailServer.MessagesToAsync(email));
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link_and_any_email_gets_the_same_answer()
    {
        var known = TestUsers.UniqueEmail("Forgetful");
        await TestUsers.CreateConfirmedAsync(app.Services, known, "Fay Forgetful");
        var unknown = TestUsers.UniqueEmail("Stranger");

        var forKnown = await FormPosts.PostFormAsync(app.CreateBrowserLikeClient(), "/account/forgot", null, [new("_handler", "forgot"), new("Input.Email", known)]);
        var forUnknown = await FormPosts.PostFormAsync(app.CreateBrowserLikeClient(), "/account/forgot", null, [new("_handler", "forgot"), new("Input.Email", unknown)]);
        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(await PageAsync(forUnknown), await PageAsync(forKnown));
        Assert.Contains("no account uses it", (await TestMailServer.WaitForAsync(unknown, AccountMails.NoAccountSubject)).TextBody);

        var link = TestMailServer.LinkIn(await TestMailServer.WaitForAsync(known, AccountMails.ResetSubject), AccountLinks.ResetPath);
        var client = app.CreateBrowserLikeClient();
        var reset = await FormPosts.PostFormAsync(client, link, null,
            [new("_handler", "reset"), new("Input.Password", "brand-new-9"), new("Input.ConfirmPassword", "brand-new-9")]);
        Assert.Contains("Your password is set", await reset.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), known)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), known, "brand-new-9")).StatusCode);
        // The link works once.
        var again = await FormPosts.PostFormAsync(app.CreateBrowserLikeClient(), link, null,
            [new("_handler", "reset"), new("Input.Password", "other-pass-9"), new("Input.ConfirmPassword", "other-pass-9")]);
        Assert.Contains("The password link is not valid", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_password_reset_confirms_an_unconfirmed_address_and_a_changed_reset_link_is_refused()
    {
        var email = TestUsers.UniqueEmail("Late");
        await FormPosts.RegisterAsync(app.CreateBrowserLikeClient(), email, "Lee Late");
        await FormPosts.PostFormAsync(app.CreateBrowserLikeClient(), "/account/forgot", null, [new("_handler", "forgot"), new("Input.Email", email)]);
        var link = TestMailServer.LinkIn(await TestMailServer.WaitForAsync(email, AccountMails.ResetSubject), AccountLinks.ResetPath);

        var tampered = link[..^6] + (link[^6] == 'x' ? "y" : "x") + link[^5..];
        var refused = await FormPosts.PostFormAsync(app.CreateBrowserLikeClient(), tampered, null,
            [new("_handler", "reset"), new("Input.Password", "brand-new-9"), new("Input.ConfirmPassword", "brand-new-9")]);
        Assert.Contains("The password link is not valid", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), email, "brand-new-9")).StatusCode);

        var reset = await FormPosts.PostFormAsync(app.CreateBrowserLikeClient(), link, null,
            [new("_handler", "reset"), new("Input.Password", "brand-new-9"), new("Input.ConfirmPassword", "brand-new-9")]);
        Assert.Contains("Your password is set", await reset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await FormPosts.SignInAsync(app.CreateBrowserLikeClient(), email, "brand-new-9")).StatusCode);
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
    public async Task Signing_in_with_the_right_password_works_and_a_wrong_one_says_so()
    {
        await TestUsers.CreateConfirmedAsync(app.Services, "grace@example.test", "Grace");

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
        await TestUsers.CreateConfirmedAsync(app.Services, "locked@example.test", "Locked");
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
        await TestUsers.CreateConfirmedAsync(app.Services, "back@example.test", "Back");

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

    /// <summary>
    /// The page as its reader gets it. Blazor appends its component state to every page, encrypted afresh each time
    /// (a random nonce, never the same twice for the same content), so that comment is left out of the comparison.
    /// </summary>
    private static async Task<string> PageAsync(HttpResponseMessage response) =>
        System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "<!--Blazor-[A-Za-z-]+-State:.*?-->", "<!--state-->",
            System.Text.RegularExpressions.RegexOptions.Singleline);

    private static string ErrorList(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"alert error\" role=\"alert\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "No error list on the page.");
        return match.Groups[1].Value;
    }

    private static string ErrorAlert(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"alert error\" role=\"alert\">([^<]*)</div>");
        Assert.True(match.Success, "No error message on the page.");
        return match.Groups[1].Value;
    }
}
