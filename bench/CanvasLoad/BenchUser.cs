using System.Net;
using System.Text.RegularExpressions;

namespace CanvasLoad;

/// <summary>
/// One person using the app through its pages (forms, antiforgery tokens, cookies), as a browser would. The same
/// cookies open the hub connections.
/// </summary>
internal sealed partial class BenchUser : IDisposable
{
    public const string Password = "benchmark42";

    private readonly HttpClient http;

    /// <param name="cookies">Another user's cookie jar, to be the same person on another node (another tab).</param>
    public BenchUser(string label, string baseUrl, CookieContainer? cookies = null)
    {
        Label = label;
        BaseUrl = baseUrl;
        Cookies = cookies ?? new CookieContainer();
        http = new HttpClient(new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public string Label { get; }

    /// <summary>The node this person's pages and hub connections go to.</summary>
    public string BaseUrl { get; }

    public CookieContainer Cookies { get; }

    private bool SignedIn => Cookies.GetCookies(http.BaseAddress!).Any(c => c.Name == "mockloop.auth");

    public async Task<(HttpStatusCode Status, string? Location, string Text)> RequestAsync(
        HttpMethod method, string url, IReadOnlyDictionary<string, string>? form = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of the form on a page, as a browser would submit it.</summary>
    public async Task<string> FormTokenAsync(string url)
    {
        var page = await RequestAsync(HttpMethod.Get, url);
        var input = TokenInput().Match(page.Text);
        var value = input.Success ? TokenValue().Match(input.Value) : Match.Empty;
        return page.Status == HttpStatusCode.OK && value.Success
            ? WebUtility.HtmlDecode(value.Groups[1].Value)
            : throw new InvalidOperationException($"{Label}: GET {url} gave HTTP {(int)page.Status} without a form token");
    }

    public async Task RegisterAsync(string email, string displayName, Psql psql)
    {
        var token = await FormTokenAsync("/account/register");
        var registered = await RequestAsync(HttpMethod.Post, "/account/register", new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        if (registered.Status is not (HttpStatusCode.Redirect or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"registering {email}: HTTP {(int)registered.Status}");
        }
        if (SignedIn)
        {
            return;
        }
        // Accounts open through a mailed confirmation link (ADR 054). The mail round trip is not what this measures:
        // confirm the address in the run's own database, then sign in through the form like a person.
        await psql.RunAsync($"""UPDATE "AspNetUsers" SET "EmailConfirmed" = true WHERE "NormalizedEmail" = '{email.ToUpperInvariant()}';""");
        var loginToken = await FormTokenAsync("/account/login");
        var login = await RequestAsync(HttpMethod.Post, "/account/login", new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = loginToken,
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        if (login.Status != HttpStatusCode.Redirect || !SignedIn)
        {
            throw new InvalidOperationException($"signing in {email}: HTTP {(int)login.Status}, no sign-in cookie");
        }
    }

    /// <summary><paramref name="interviewer"/> opens an interview (random case, default rubric); <paramref name="candidate"/> joins it.</summary>
    public static async Task<Guid> OpenInterviewAsync(BenchUser interviewer, BenchUser candidate)
    {
        var token = await interviewer.FormTokenAsync("/sessions/new");
        var created = await interviewer.RequestAsync(HttpMethod.Post, "/sessions", new Dictionary<string, string>
        {
            ["role"] = "Interviewer",
            ["rubric"] = "",
            ["case"] = "",
            ["__RequestVerificationToken"] = token,
        });
        var room = created.Status == HttpStatusCode.Redirect ? RoomPath().Match(created.Location ?? "") : Match.Empty;
        if (!room.Success)
        {
            throw new InvalidOperationException($"creating an interview: HTTP {(int)created.Status} {created.Location}");
        }
        var id = Guid.Parse(room.Groups[1].Value);
        var joinToken = await candidate.FormTokenAsync($"/s/{id}");
        var joined = await candidate.RequestAsync(HttpMethod.Post, $"/s/{id}/join",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = joinToken });
        return joined.Status == HttpStatusCode.Redirect
            ? id
            : throw new InvalidOperationException($"joining {id}: HTTP {(int)joined.Status}");
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex("^/s/([0-9a-f-]{36})$")]
    private static partial Regex RoomPath();
}
