using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// The real smtp4dev that ./mockloop test starts (MOCKLOOP_TEST_SMTP, MOCKLOOP_TEST_SMTP_API): the app sends to it
/// over SMTP and tests read what arrived through its HTTP API. Tests tell their mail apart by recipient (every test
/// user has a unique address).
/// </summary>
public static partial class TestMailServer
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static (string Host, int Port) SmtpEndpoint
    {
        get
        {
            // Without the variable (a focused run outside ./mockloop test) mail-free tests still start: the port is
            // closed, so a test that sends mail fails loudly instead of passing by accident.
            var value = Environment.GetEnvironmentVariable("MOCKLOOP_TEST_SMTP") ?? "127.0.0.1:9";
            var colon = value.LastIndexOf(':');
            return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static Uri Api => new(Environment.GetEnvironmentVariable("MOCKLOOP_TEST_SMTP_API") is { Length: > 0 } api
        ? api
        : throw new InvalidOperationException("MOCKLOOP_TEST_SMTP_API is not set: run the tests with ./mockloop test, which starts smtp4dev."));

    /// <summary>Every message that reached the server for this address, parsed, oldest first.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string address)
    {
        var list = await Http.GetFromJsonAsync<JsonObject>(new Uri(Api, "/api/messages?pageSize=5000"));
        var ids = list!["results"]!.AsArray()
            .Where(m => m!["to"]!.AsArray().Any(t => string.Equals(t!.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)))
            .Select(m => m!["id"]!.GetValue<string>())
            .ToList();
        var messages = new List<MimeMessage>();
        foreach (var id in ids)
        {
            await using var raw = await Http.GetStreamAsync(new Uri(Api, $"/api/messages/{id}/raw"));
            messages.Add(await MimeMessage.LoadAsync(raw));
        }
        return messages.OrderBy(m => m.Date).ToList();
    }

    /// <summary>Waits (polling the API) until a message to <paramref name="address"/> whose subject contains the text arrives.</summary>
    public static async Task<MimeMessage> WaitForAsync(string address, string subjectContains, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = (await MessagesToAsync(address)).FirstOrDefault(m => (m.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail \"{subjectContains}\" to {address} arrived.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The first link to <paramref name="path"/> in a mail's text, as a local path and query.</summary>
    public static string LinkIn(MimeMessage mail, string path)
    {
        var match = Link().Matches(mail.TextBody ?? "").FirstOrDefault(m => new Uri(m.Value).AbsolutePath == path);
        return match is null
            ? throw new Xunit.Sdk.XunitException($"No {path} link in \"{mail.Subject}\":\n{mail.TextBody}")
            : new Uri(match.Value).PathAndQuery;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+")]
    private static partial System.Text.RegularExpressions.Regex Link();

    /// <summary>The text of the .ics attachment, or null.</summary>
    public static string? Invite(MimeMessage message) =>
        message.Attachments.OfType<MimePart>().Where(p => p.ContentType.MimeType == "text/calendar")
            .Select(p => { using var s = new MemoryStream(); p.Content?.DecodeTo(s); return System.Text.Encoding.UTF8.GetString(s.ToArray()); })
            .FirstOrDefault();
}
