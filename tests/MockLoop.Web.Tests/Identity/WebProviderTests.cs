using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Identity;

/// <summary>
/// GitHub and Google, configured: shown by name on the sign-in page, and a press sends the browser to the provider
/// with PKCE, a protected state and the exact callback address (the providers themselves are not reachable here).
/// </summary>
public sealed class WebProviderTests(CompanyIdentityServer company, ExternalApp app)
    : IClassFixture<CompanyIdentityServer>, IClassFixture<ExternalApp>
{
    [Theory]
    [InlineData("github", "GitHub", "https://github.com/login/oauth/authorize", "read:user user:email")]
    [InlineData("google", "Google", "https://accounts.google.com/o/oauth2/v2/auth", "email")]
    public async Task A_configured_web_provider_is_offered_by_name_and_sends_people_there_with_PKCE(string scheme, string name, string endpoint, string scope)
    {
        _ = company;
        var browser = app.CreateBrowserLikeClient();
        var login = WebUtility.HtmlDecode(await browser.GetStringAsync("/account/login"));
        Assert.Contains($"Sign in with {name}", login);

        var start = await FormPosts.PostFormAsync(browser, "/account/login", $"/account/external/{scheme}", [new("returnUrl", "https://evil.example/")]);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!.ToString();
        Assert.StartsWith(endpoint + "?", location);
        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        Assert.Equal($"{scheme}-client", query["client_id"].ToString());
        Assert.Equal($"http://localhost/signin-{scheme}", query["redirect_uri"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Contains(scope, query["scope"].ToString());
    }

    [Fact]
    public async Task An_unconfigured_provider_is_not_found()
    {
        var browser = app.CreateBrowserLikeClient();
        var response = await FormPosts.PostFormAsync(browser, "/account/login", "/account/external/facebook", [new("returnUrl", "/")]);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
