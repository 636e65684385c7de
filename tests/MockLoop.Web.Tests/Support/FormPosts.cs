using System.Net;
using System.Text.RegularExpressions;
using MockLoop.Web.Accounts;

namespace MockLoop.Web.Tests.Support;

/// <summary>Drives the server-rendered forms the way a browser does: fetch the page, keep the antiforgery token, post.</summary>
public static partial class FormPosts
{
    public const string Password = "interview42";

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var match = TokenInput().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {pageUrl}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string pageUrl, string? postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenAsync(client, pageUrl);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    public static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string displayName, string password = Password) =>
        PostFormAsync(client, "/account/register", null,
        [
            new("_handler", "register"),
            new("Input.Email", email),
            new("Input.DisplayName", displayName),
            new("Input.Password", password),
            new("Input.ConfirmPassword", password),
        ]);

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        PostFormAsync(client, "/account/login", null,
        [
            new("_handler", "login"),
            new("Input.Email", email),
            new("Input.Password", password),
            new("Input.Remember", "true"),
        ]);

    public static async Task<Guid> CreateSessionAsync(HttpClient client, string role, string rubric = "", string caseId = "")
    {
        var response = await PostFormAsync(client, "/sessions/new", "/sessions", [new("role", role), new("rubric", rubric), new("case", caseId)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = RedirectPath(response);
        Assert.StartsWith("/s/", location);
        return Guid.Parse(location["/s/".Length..]);
    }

    public static Task<HttpResponseMessage> JoinAsync(HttpClient client, Guid sessionId) =>
        PostFormAsync(client, $"/s/{sessionId}", $"/s/{sessionId}/join", []);

    /// <summary>A signed-in client for a new, unique, confirmed user (see <see cref="TestUsers"/>).</summary>
    public static async Task<HttpClient> NewUserAsync(MockLoopApp app, string displayName)
    {
        var client = app.CreateBrowserLikeClient();
        var email = TestUsers.UniqueEmail(displayName);
        await TestUsers.CreateConfirmedAsync(app.Services, email, displayName);
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>
    /// Registers through the form, follows the link in the confirmation mail the real SMTP server received, and signs
    /// in: the whole way a person opens an account. For apps running as processes, where the test has no services.
    /// </summary>
    public static async Task RegisterAndConfirmAsync(HttpClient client, string email, string displayName)
    {
        var registered = await RegisterAsync(client, email, displayName);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Check your inbox", await registered.Content.ReadAsStringAsync());
        var mail = await TestMailServer.WaitForAsync(email, AccountMails.ConfirmSubject);
        var confirmed = await client.GetAsync(TestMailServer.LinkIn(mail, AccountLinks.ConfirmPath));
        Assert.Contains("Your email is confirmed", await confirmed.Content.ReadAsStringAsync());
        var signedIn = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    /// <summary>Where a redirect points, as a local path (Blazor's redirects are absolute URLs).</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new Xunit.Sdk.XunitException($"No redirect; status {(int)response.StatusCode}");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
