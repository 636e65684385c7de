using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Accounts;
using MockLoop.Web.Accounts.External;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Identity;

/// <summary>
/// Sign-in through a separate, real OpenID Connect provider (<see cref="CompanyIdentityServer"/>): MockLoop's
/// handler does discovery, PKCE, state, nonce, the code exchange and userinfo against it over HTTP. The person's
/// browser is two cookie-keeping clients, one per site, passing each redirect on as a browser would.
/// </summary>
public sealed class ExternalSignInTests(CompanyIdentityServer company, ExternalApp app)
    : IClassFixture<CompanyIdentityServer>, IClassFixture<ExternalApp>
{
    [Fact]
    public async Task A_first_sign_in_with_a_verified_email_opens_a_confirmed_account_and_the_next_one_signs_in_to_it()
    {
        var email = TestUsers.UniqueEmail("Sso Sam");
        company.NextPerson = new("sam-" + Guid.NewGuid().ToString("N"), email, EmailVerified: true, "Sam Sso");
        var browser = new Browser(app);

        var login = WebUtility.HtmlDecode(await browser.MockLoop.GetStringAsync("/account/login"));
        Assert.Contains("Sign in with Acme SSO", login);
        var landed = await browser.SignInWithCompanyAsync("/progress");

        Assert.Equal("/progress", landed);
        Assert.Contains("Sam Sso", await browser.MockLoop.GetStringAsync("/"));
        var user = await UserAsync(email);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Sam Sso", user.DisplayName);

        var again = new Browser(app);
        Assert.Equal("/", await again.SignInWithCompanyAsync());
        Assert.Contains("Sam Sso", await again.MockLoop.GetStringAsync("/"));
        Assert.Equal(1, await UsersWithEmailAsync(email));
    }

    [Fact]
    public async Task An_email_the_provider_has_not_verified_is_not_confirmed_and_nobody_is_signed_in()
    {
        var email = TestUsers.UniqueEmail("Una Verified");
        company.NextPerson = new("una-" + Guid.NewGuid().ToString("N"), email, EmailVerified: false, "Una Unverified");
        var browser = new Browser(app);

        Assert.Equal(ExternalEndpoints.SentPath, await browser.SignInWithCompanyAsync());
        Assert.DoesNotContain("Sign out", await browser.MockLoop.GetStringAsync("/"));
        Assert.False((await UserAsync(email)).EmailConfirmed);
        await TestMailServer.WaitForAsync(email, AccountMails.ConfirmSubject);
    }

    [Fact]
    public async Task An_existing_account_is_linked_only_after_its_owner_signs_in_and_can_be_removed_again()
    {
        var email = TestUsers.UniqueEmail("Owen Owner");
        await TestUsers.CreateConfirmedAsync(app.Services, email, "Owen Owner");
        var subject = "owen-" + Guid.NewGuid().ToString("N");
        company.NextPerson = new(subject, email, EmailVerified: true, "Someone Else");

        // Same answer as for an unverified new address; the owner is mailed; nothing is linked.
        var stranger = new Browser(app);
        Assert.Equal(ExternalEndpoints.SentPath, await stranger.SignInWithCompanyAsync());
        Assert.DoesNotContain("Sign out", await stranger.MockLoop.GetStringAsync("/"));
        var offer = await TestMailServer.WaitForAsync(email, ExternalMails.LinkOfferSubject);
        Assert.Contains("Acme SSO", offer.TextBody);
        Assert.Empty(await LoginsAsync(email));

        // The owner proves it by signing in with the password, then adds the company sign-in.
        var owner = new Browser(app);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPosts.SignInAsync(owner.MockLoop, email)).StatusCode);
        var page = WebUtility.HtmlDecode(await owner.MockLoop.GetStringAsync(ExternalEndpoints.SignInsPath));
        Assert.Contains("Add Acme SSO", page);
        Assert.Equal(ExternalEndpoints.SignInsPath + "?result=linked", await owner.SignInWithCompanyAsync(ExternalEndpoints.SignInsPath, link: true));
        var login = Assert.Single(await LoginsAsync(email));
        Assert.Equal(subject, login.ProviderKey);

        var later = new Browser(app);
        Assert.Equal("/", await later.SignInWithCompanyAsync());
        Assert.Contains("Owen Owner", await later.MockLoop.GetStringAsync("/"));

        var listed = WebUtility.HtmlDecode(await owner.MockLoop.GetStringAsync(ExternalEndpoints.SignInsPath));
        Assert.Contains("data-provider=\"company\"", listed);
        var removed = await FormPosts.PostFormAsync(owner.MockLoop, ExternalEndpoints.SignInsPath, ExternalEndpoints.SignInsPath + "/remove",
            [new("provider", "company"), new("key", subject)]);
        Assert.Equal(ExternalEndpoints.SignInsPath + "?result=removed", FormPosts.RedirectPath(removed));
        Assert.Empty(await LoginsAsync(email));
    }

    [Fact]
    public async Task Refusing_at_the_provider_signs_nobody_in_and_says_so()
    {
        company.RefuseNext = true;
        var browser = new Browser(app);

        var landed = await browser.SignInWithCompanyAsync();

        Assert.Equal("/account/login?external=denied", landed);
        Assert.Contains("You did not allow MockLoop", WebUtility.HtmlDecode(await browser.MockLoop.GetStringAsync(landed)));
        Assert.DoesNotContain("Sign out", await browser.MockLoop.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_tampered_state_or_nonce_signs_nobody_in()
    {
        var email = TestUsers.UniqueEmail("Tom Tamper");
        company.NextPerson = new("tom-" + Guid.NewGuid().ToString("N"), email, EmailVerified: true, "Tom Tamper");

        var byState = new Browser(app);
        Assert.Equal("/account/login?external=failed", await byState.SignInWithCompanyAsync(tamper: Tamper.State));
        var byNonce = new Browser(app);
        Assert.Equal("/account/login?external=failed", await byNonce.SignInWithCompanyAsync(tamper: Tamper.Nonce));

        Assert.DoesNotContain("Sign out", await byState.MockLoop.GetStringAsync("/"));
        Assert.DoesNotContain("Sign out", await byNonce.MockLoop.GetStringAsync("/"));
        Assert.Equal(0, await UsersWithEmailAsync(email));
    }

    private async Task<AppUser> UserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
    }

    private async Task<int> UsersWithEmailAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync(u => u.Email == email);
    }

    private async Task<IList<UserLoginInfo>> LoginsAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetLoginsAsync((await users.FindByEmailAsync(email))!);
    }

    public enum Tamper { None, State, Nonce }

    /// <summary>One person's browser: a client for MockLoop (in memory) and one for the company provider (Kestrel).</summary>
    private sealed class Browser(ExternalApp app)
    {
        public HttpClient MockLoop { get; } = app.CreateBrowserLikeClient();
        private readonly HttpClient _company = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true });

        /// <summary>Presses "Sign in with Acme SSO" (or "Add") and follows every redirect; returns where MockLoop lands.</summary>
        public async Task<string> SignInWithCompanyAsync(string returnUrl = "/", bool link = false, Tamper tamper = Tamper.None)
        {
            var fields = new List<KeyValuePair<string, string>> { new("returnUrl", returnUrl) };
            if (link)
            {
                fields.Add(new("link", "true"));
            }
            var start = await FormPosts.PostFormAsync(MockLoop, link ? ExternalEndpoints.SignInsPath : "/account/login", "/account/external/company", fields);
            Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
            var authorize = start.Headers.Location!.ToString();
            Assert.StartsWith(CompanyIdentityServer.Issuer + "connect/authorize?", authorize);
            if (tamper == Tamper.Nonce)
            {
                authorize = Replace(authorize, "nonce", "forged-nonce");
            }

            var answer = await _company.GetAsync(authorize);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            var callback = answer.Headers.Location!.ToString();
            Assert.StartsWith(CompanyIdentityServer.RedirectUri + "?", callback);
            if (tamper == Tamper.State)
            {
                var state = QueryHelpers.ParseQuery(new Uri(callback).Query)["state"].ToString();
                callback = Replace(callback, "state", state[..^4] + (state.EndsWith("AAAA") ? "BBBB" : "AAAA"));
            }

            var next = await MockLoop.GetAsync(callback);
            var location = FormPosts.RedirectPath(next);
            // The handler hands over to the callback endpoint, which decides and redirects once more.
            if (location.StartsWith(ExternalEndpoints.CallbackPath, StringComparison.Ordinal))
            {
                location = FormPosts.RedirectPath(await MockLoop.GetAsync(location));
            }
            return location;
        }

        private static string Replace(string url, string parameter, string value)
        {
            var uri = new Uri(url);
            var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
            query[parameter] = value;
            return QueryHelpers.AddQueryString(uri.GetLeftPart(UriPartial.Path), query);
        }
    }
}
