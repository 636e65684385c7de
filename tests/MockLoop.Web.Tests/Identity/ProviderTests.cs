using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duende.IdentityModel.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Scoring;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Identity;

/// <summary>
/// MockLoop's own OpenID Connect provider, end to end over HTTP: a person signed in with the cookie answers the
/// consent page, a tool exchanges the code with PKCE (Duende.IdentityModel) and calls the read API.
/// </summary>
public sealed class ProviderTests(ProviderApp app) : IClassFixture<ProviderApp>
{
    private const string FullScope = "openid profile offline_access progress:read sessions:read";

    [Fact]
    public async Task Discovery_names_the_endpoints_scopes_and_code_flow_with_PKCE()
    {
        var discovery = await app.CreateClient().GetDiscoveryDocumentAsync(new DiscoveryDocumentRequest
        {
            Address = OAuthClient.Authority, Policy = { RequireHttps = false },
        });

        Assert.False(discovery.IsError, discovery.Error);
        Assert.Equal(OAuthClient.Authority + "/connect/authorize", discovery.AuthorizeEndpoint);
        Assert.Equal(OAuthClient.Authority + "/connect/token", discovery.TokenEndpoint);
        Assert.Equal(OAuthClient.Authority + "/connect/revoke", discovery.RevocationEndpoint);
        Assert.Contains("progress:read", discovery.ScopesSupported);
        Assert.Contains("sessions:read", discovery.ScopesSupported);
        Assert.Equal(["code"], discovery.ResponseTypesSupported);
        Assert.Contains("S256", discovery.CodeChallengeMethodsSupported);
        Assert.Contains("refresh_token", discovery.GrantTypesSupported);
    }

    [Fact]
    public async Task A_tool_gets_a_token_with_code_and_PKCE_after_consent_and_reads_the_figures_the_progress_page_shows()
    {
        var (browser, candidateId) = await SignedInAsync("Cora Candidate");
        var sessionId = await SeedScorecardAsync(candidateId, overall: 2.5);

        var start = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, ProviderApp.ToolRedirect, FullScope);
        Assert.Equal(HttpStatusCode.OK, start.Response.StatusCode);
        var consent = WebUtility.HtmlDecode(await start.Response.Content.ReadAsStringAsync());
        Assert.Contains("Allow Coach Tool to use your MockLoop account?", consent);
        Assert.Contains("Read your progress", consent);
        Assert.Contains("Read your scored sessions", consent);

        var callback = OAuthClient.CallbackQuery(await OAuthClient.AnswerConsentAsync(browser, start.Response, "allow"), ProviderApp.ToolRedirect);
        Assert.Equal(start.State, callback["state"]);
        var tool = app.CreateClient();
        var tokens = await OAuthClient.ExchangeAsync(tool, ProviderApp.ToolId, ProviderApp.ToolRedirect, callback["code"], start.Verifier);
        Assert.False(tokens.IsError, tokens.Error);
        Assert.NotNull(tokens.RefreshToken);
        Assert.NotNull(tokens.IdentityToken);

        var progress = await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/progress", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var figures = await progress.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ml-system-design@2", figures.GetProperty("rubric").GetString());
        Assert.Equal(1, figures.GetProperty("scoredSessions").GetInt32());
        var average = figures.GetProperty("readiness").GetProperty("averageOverall").GetDouble();
        Assert.Equal(2.5, average);
        // The page says the same number.
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/progress"));
        Assert.Contains($"Recent overall <strong>{average:0.00}</strong>", page);
        Assert.Equal(sessionId, figures.GetProperty("overallTrend")[0].GetProperty("sessionId").GetGuid());

        var sessions = await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/sessions", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, sessions.StatusCode);
        var listed = Assert.Single((await sessions.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessions").EnumerateArray());
        Assert.Equal(sessionId, listed.GetProperty("sessionId").GetGuid());
        Assert.Equal($"http://localhost/reports/{sessionId}", listed.GetProperty("reportUrl").GetString());
        Assert.Equal("work on evaluation", listed.GetProperty("nextStep").GetString());

        // A stored yes is not asked again: the next authorization goes straight back with a code.
        var again = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, ProviderApp.ToolRedirect, FullScope);
        Assert.True(OAuthClient.CallbackQuery(again.Response, ProviderApp.ToolRedirect).ContainsKey("code"));
    }

    [Fact]
    public async Task The_API_answers_401_without_a_token_or_with_only_the_cookie_and_403_for_a_token_without_the_scope()
    {
        var (browser, _) = await SignedInAsync("Nina Narrow");
        var tool = app.CreateClient();
        var anonymous = await tool.GetAsync("/api/v1/me/progress");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // A bare code for a script, with the standard challenge, not the site's "not found" page.
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.DoesNotContain("<html", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me/progress")).StatusCode);

        // This client is registered for sessions:read only, and is confidential (a secret at the token endpoint).
        var start = await OAuthClient.StartAsync(browser, ProviderApp.NarrowId, ProviderApp.NarrowRedirect, "sessions:read");
        var callback = OAuthClient.CallbackQuery(await OAuthClient.AnswerConsentAsync(browser, start.Response, "allow"), ProviderApp.NarrowRedirect);
        var tokens = await OAuthClient.ExchangeAsync(tool, ProviderApp.NarrowId, ProviderApp.NarrowRedirect, callback["code"], start.Verifier,
            "a-confidential-secret-of-at-least-32-chars");
        Assert.False(tokens.IsError, tokens.Error);

        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/sessions", tokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/progress", tokens.AccessToken)).StatusCode);

        // Asking for more than the client is registered for is refused on the spot: no consent page, no redirect.
        var greedy = await OAuthClient.StartAsync(browser, ProviderApp.NarrowId, ProviderApp.NarrowRedirect, "sessions:read progress:read");
        await OAuthClient.AssertRefusedHereAsync(greedy.Response, "error:invalid_request", "scope");
    }

    [Fact]
    public async Task A_revoked_or_expired_access_token_gets_401_and_the_refresh_token_gets_a_new_one()
    {
        var (browser, _) = await SignedInAsync("Rita Revoke");
        var tool = app.CreateClient();
        var tokens = await AllowedTokensAsync(browser, tool);
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/sessions", tokens.AccessToken)).StatusCode);

        var revoked = await tool.RevokeTokenAsync(new TokenRevocationRequest
        {
            Address = OAuthClient.Authority + "/connect/revoke", ClientId = ProviderApp.ToolId, Token = tokens.AccessToken!, TokenTypeHint = "access_token",
        });
        Assert.False(revoked.IsError, revoked.Error);
        Assert.Equal(HttpStatusCode.Unauthorized, (await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/sessions", tokens.AccessToken)).StatusCode);

        var second = await AllowedTokensAsync(browser, tool);
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/sessions", second.AccessToken)).StatusCode);
        app.ManualClock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, (await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/sessions", second.AccessToken)).StatusCode);

        var refreshed = await tool.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = OAuthClient.Authority + "/connect/token", ClientId = ProviderApp.ToolId, RefreshToken = second.RefreshToken!,
        });
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.Equal(HttpStatusCode.OK, (await OAuthClient.GetWithTokenAsync(tool, "/api/v1/me/sessions", refreshed.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task Refusing_consent_sends_access_denied_to_the_client_and_stores_nothing()
    {
        var (browser, _) = await SignedInAsync("Deny Dora");
        var start = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, ProviderApp.ToolRedirect, FullScope);
        var callback = OAuthClient.CallbackQuery(await OAuthClient.AnswerConsentAsync(browser, start.Response, "deny"), ProviderApp.ToolRedirect);

        Assert.Equal("access_denied", callback["error"]);
        Assert.False(callback.ContainsKey("code"));
        // Nothing remembered: the next attempt asks again.
        var again = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, ProviderApp.ToolRedirect, FullScope);
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        Assert.Contains("Allow Coach Tool", await again.Response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_consent_answer_without_this_sites_antiforgery_token_is_refused()
    {
        var (browser, _) = await SignedInAsync("Forged Fay");
        var start = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, ProviderApp.ToolRedirect, FullScope);
        var answer = await OAuthClient.AnswerConsentAsync(browser, start.Response, "allow", withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
    }

    [Fact]
    public async Task Redirect_URIs_match_exactly_PKCE_is_required_and_a_code_needs_its_own_verifier()
    {
        var (browser, _) = await SignedInAsync("Exact Eve");

        foreach (var wrong in new[] { ProviderApp.ToolRedirect + "/more", "http://127.0.0.1:7811/callback?x=1", "https://evil.example/callback", "http://127.0.0.1:7811/Callback" })
        {
            var attempt = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, wrong, FullScope);
            await OAuthClient.AssertRefusedHereAsync(attempt.Response, "redirect_uri");
        }

        var noPkce = await browser.GetAsync(OAuthClient.Authority + "/connect/authorize?client_id=" + ProviderApp.ToolId +
            "&response_type=code&scope=openid&redirect_uri=" + Uri.EscapeDataString(ProviderApp.ToolRedirect) + "&state=s");
        await OAuthClient.AssertRefusedHereAsync(noPkce, "code_challenge");

        var tool = app.CreateClient();
        var start = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, ProviderApp.ToolRedirect, FullScope);
        var callback = OAuthClient.CallbackQuery(await OAuthClient.AnswerConsentAsync(browser, start.Response, "allow"), ProviderApp.ToolRedirect);
        var stolen = await OAuthClient.ExchangeAsync(tool, ProviderApp.ToolId, ProviderApp.ToolRedirect, callback["code"], "another-verifier-" + new string('x', 40));
        Assert.Equal("invalid_grant", stolen.Error);
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_the_sign_in_page_and_back_to_the_same_request()
    {
        var browser = app.CreateBrowserLikeClient();
        var start = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, ProviderApp.ToolRedirect, FullScope);

        Assert.Equal(HttpStatusCode.Redirect, start.Response.StatusCode);
        var login = FormPosts.RedirectPath(start.Response);
        Assert.StartsWith("/account/login?returnUrl=%2Fconnect%2Fauthorize%3F", login);
        var back = Uri.UnescapeDataString(login["/account/login?returnUrl=".Length..]);
        Assert.Contains("client_id=" + ProviderApp.ToolId, back);
        Assert.Contains("state=" + start.State, back);

        var email = TestUsers.UniqueEmail("Late Lou");
        await TestUsers.CreateConfirmedAsync(app.Services, email, "Late Lou");
        var signedIn = await FormPosts.PostFormAsync(browser, login, null,
            [new("_handler", "login"), new("Input.Email", email), new("Input.Password", FormPosts.Password), new("Input.Remember", "true")]);
        Assert.Equal(back, FormPosts.RedirectPath(signedIn));
        var consent = await browser.GetAsync(back);
        Assert.Contains("Allow Coach Tool", await consent.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_both_reads_and_the_developer_page_shows_it()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me/progress", out _));
        Assert.True(paths.TryGetProperty("/api/v1/me/sessions", out _));
        Assert.False(paths.TryGetProperty("/connect/token", out _));

        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/developers/api"));
        Assert.Contains("/api/v1/me/progress", page);
        Assert.Contains("scope progress:read", page);
        Assert.Contains("/openapi/v1.json", page);
    }

    private async Task<TokenResponse> AllowedTokensAsync(HttpClient browser, HttpClient tool)
    {
        var start = await OAuthClient.StartAsync(browser, ProviderApp.ToolId, ProviderApp.ToolRedirect, FullScope);
        var response = start.Response.StatusCode == HttpStatusCode.OK
            ? await OAuthClient.AnswerConsentAsync(browser, start.Response, "allow")
            : start.Response;
        var callback = OAuthClient.CallbackQuery(response, ProviderApp.ToolRedirect);
        var tokens = await OAuthClient.ExchangeAsync(tool, ProviderApp.ToolId, ProviderApp.ToolRedirect, callback["code"], start.Verifier);
        Assert.False(tokens.IsError, tokens.Error);
        return tokens;
    }

    private async Task<(HttpClient Browser, Guid UserId)> SignedInAsync(string name)
    {
        var browser = app.CreateBrowserLikeClient();
        var email = TestUsers.UniqueEmail(name);
        var id = await TestUsers.CreateConfirmedAsync(app.Services, email, name);
        Assert.Equal(HttpStatusCode.Redirect, (await FormPosts.SignInAsync(browser, email)).StatusCode);
        return (browser, id);
    }

    /// <summary>A session scored earlier, as the scoring tests store one (the hub path is tested there).</summary>
    private async Task<Guid> SeedScorecardAsync(Guid candidateId, double overall)
    {
        var interviewerId = await TestUsers.CreateConfirmedAsync(app.Services, TestUsers.UniqueEmail("Ian Interviewer"), "Ian Interviewer");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = Guid.NewGuid();
        var at = app.ManualClock.GetUtcNow().AddDays(-1);
        db.Sessions.Add(new InterviewSession
        {
            Id = id, CreatedAt = at, CreatedById = interviewerId, InterviewerId = interviewerId, CandidateId = candidateId,
            Status = MockLoop.Core.Sessions.SessionStatus.Ended, RubricId = "ml-system-design", RubricVersion = 2,
        });
        db.Add(new ScorecardRow
        {
            SessionId = id, RubricId = "ml-system-design", RubricVersion = 2, InterviewerId = interviewerId, CandidateId = candidateId,
            TargetLevel = "Senior", Overall = overall, Verdict = "Below", NextStep = "work on evaluation", SubmittedAt = at,
        });
        db.Add(new ScorecardStepRow { SessionId = id, StepId = "evaluation", Score = overall });
        await db.SaveChangesAsync();
        return id;
    }
}
