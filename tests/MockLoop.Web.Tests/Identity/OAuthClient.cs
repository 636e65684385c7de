using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.WebUtilities;

namespace MockLoop.Web.Tests.Identity;

/// <summary>
/// A tool using MockLoop's provider the standard way: authorization code with PKCE (Duende.IdentityModel), a person's
/// browser (a cookie-keeping client) answering the consent page.
/// </summary>
public static partial class OAuthClient
{
    public const string Authority = "http://localhost";

    public sealed record Authorization(string Verifier, string State, HttpResponseMessage Response);

    /// <summary>The browser opens the authorize address; the answer is the consent page, a redirect, or an error.</summary>
    public static async Task<Authorization> StartAsync(HttpClient browser, string clientId, string redirectUri, string scope, string? prompt = null)
    {
        var verifier = CryptoRandom.CreateUniqueId(48);
        var state = CryptoRandom.CreateUniqueId(16);
        var url = new RequestUrl(Authority + "/connect/authorize").CreateAuthorizeUrl(
            clientId: clientId, responseType: "code", scope: scope, redirectUri: redirectUri, state: state, prompt: prompt,
            codeChallenge: Challenge(verifier), codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);
        return new Authorization(verifier, state, await browser.GetAsync(url));
    }

    /// <summary>Answers the consent page by posting its own form back, with the button the person pressed.</summary>
    public static async Task<HttpResponseMessage> AnswerConsentAsync(HttpClient browser, HttpResponseMessage consentPage, string decision, bool withAntiforgery = true)
    {
        var html = await consentPage.Content.ReadAsStringAsync();
        var fields = HiddenInput().Matches(html)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .Where(f => withAntiforgery || f.Key != "__RequestVerificationToken")
            .Append(KeyValuePair.Create("mockloop_consent", decision));
        return await browser.PostAsync(Authority + "/connect/authorize", new FormUrlEncodedContent(fields));
    }

    /// <summary>The query of the redirect to the client, after checking it goes exactly where the client registered.</summary>
    public static Dictionary<string, string> CallbackQuery(HttpResponseMessage response, string redirectUri)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(redirectUri + "?", location);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>An error shown by MockLoop itself: nothing is sent to an address the request named.</summary>
    public static async Task AssertRefusedHereAsync(HttpResponseMessage response, params string[] mentioning)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var body = await response.Content.ReadAsStringAsync();
        Assert.All(mentioning, text => Assert.Contains(text, body));
    }

    public static async Task<TokenResponse> ExchangeAsync(HttpClient client, string clientId, string redirectUri, string code, string verifier, string? secret = null) =>
        await client.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = Authority + "/connect/token", ClientId = clientId, ClientSecret = secret, Code = code, RedirectUri = redirectUri, CodeVerifier = verifier,
        });

    public static async Task<HttpResponseMessage> GetWithTokenAsync(HttpClient client, string path, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessToken is not null)
        {
            request.SetBearerToken(accessToken);
        }
        return await client.SendAsync(request);
    }

    private static string Challenge(string verifier) => Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
