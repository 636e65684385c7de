// How heavy the Blazor room is to open: bytes over the wire and the time until the room is interactive (its hub
// connected and the interview loaded), on a first visit (empty cache) and on a reload, in headless chromium.
// Started by bench/room-load.sh against the published Release build; a measurement, never a pass/fail test.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using MockLoop.Bench;

var options = Options.Parse(args);
using var playwright = await Playwright.CreateAsync();
await using var browser = await BenchChromium.LaunchAsync(playwright);

// A person with an interview of their own (the room needs a seat); its cookies are copied into each measured
// profile, so the measured visit is signed in but starts with an empty cache.
var setup = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = options.Url });
var page = await setup.NewPageAsync();
var email = $"bench.{Guid.NewGuid():N}@example.test";
await page.GotoAsync("/account/register");
await page.GetByLabel("Email").FillAsync(email);
await page.GetByLabel("Display name").FillAsync("Bench Interviewer");
await page.GetByLabel("Password", new() { Exact = true }).FillAsync("practice42");
await page.GetByLabel("Confirm password").FillAsync("practice42");
await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
await page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" }).WaitForAsync();
// The bench has no mail server: the account is confirmed in the bench's own database (psql, PG* from the script).
await ConfirmAsync(options.Psql, email);
await page.GotoAsync("/account/login");
await page.GetByLabel("Email").FillAsync(email);
await page.GetByLabel("Password").FillAsync("practice42");
await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
await page.GotoAsync("/sessions/new");
await page.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/s/[0-9a-f-]{36}"));
var room = new Uri(page.Url).AbsolutePath;
var state = await setup.StorageStateAsync();
await setup.CloseAsync();

var runs = new List<Dictionary<string, object>>();
for (var run = 1; run <= options.Runs; run++)
{
    var context = await browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = options.Url,
        StorageState = state,
        ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
    });
    context.SetDefaultTimeout(60_000);
    var tab = await context.NewPageAsync();
    var bytes = new WireBytes();
    await bytes.WatchAsync(context, tab);

    var first = await VisitAsync(tab, bytes, () => tab.GotoAsync(room));
    var reload = await VisitAsync(tab, bytes, () => tab.ReloadAsync());
    var heap = await tab.EvaluateAsync<double>("() => performance.memory ? performance.memory.usedJSHeapSize : 0");
    runs.Add(new()
    {
        ["run"] = run,
        ["firstBytes"] = first.Bytes, ["firstRequests"] = first.Requests, ["firstInteractiveMs"] = first.InteractiveMs,
        ["reloadBytes"] = reload.Bytes, ["reloadRequests"] = reload.Requests, ["reloadInteractiveMs"] = reload.InteractiveMs,
        ["jsHeapBytes"] = heap,
    });
    Console.Error.WriteLine($"run {run}: first {Mb(first.Bytes)} in {first.InteractiveMs:0} ms ({first.Requests} requests); " +
                            $"reload {Mb(reload.Bytes)} in {reload.InteractiveMs:0} ms ({reload.Requests} requests)");
    await context.CloseAsync();
}

static string Mb(long bytes) => (bytes / 1_000_000.0).ToString("0.00 MB", CultureInfo.InvariantCulture);
static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

var summary = new Dictionary<string, object>
{
    ["firstBytes"] = Median(runs.Select(r => Convert.ToDouble(r["firstBytes"], CultureInfo.InvariantCulture))),
    ["firstInteractiveMs"] = Median(runs.Select(r => (double)r["firstInteractiveMs"])),
    ["reloadBytes"] = Median(runs.Select(r => Convert.ToDouble(r["reloadBytes"], CultureInfo.InvariantCulture))),
    ["reloadInteractiveMs"] = Median(runs.Select(r => (double)r["reloadInteractiveMs"])),
    ["jsHeapBytes"] = Median(runs.Select(r => (double)r["jsHeapBytes"])),
};
await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(new { runs, median = summary, machine = Environment.ProcessorCount + " cores" },
    new JsonSerializerOptions { WriteIndented = true }));
var md = $"""
    | The Blazor room, published Release (median of {runs.Count}) | Bytes over the wire | Until interactive |
    |---|---|---|
    | First visit (empty cache) | {Mb((long)(double)summary["firstBytes"])} | {(double)summary["firstInteractiveMs"]:0} ms |
    | Reload | {Mb((long)(double)summary["reloadBytes"])} | {(double)summary["reloadInteractiveMs"]:0} ms |

    JS heap after the reload: {Mb((long)(double)summary["jsHeapBytes"])}.
    """;
await File.WriteAllTextAsync(options.Markdown, md + Environment.NewLine);
Console.WriteLine(md);

static async Task ConfirmAsync(string psql, string email)
{
    var confirm = new ProcessStartInfo(psql)
    {
        ArgumentList = { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", $"UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = true WHERE \"Email\" = '{email}'" },
    };
    using var process = Process.Start(confirm) ?? throw new InvalidOperationException("psql did not start");
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"psql could not confirm {email} (exit {process.ExitCode})");
    }
}

// One visit: from the navigation to the room saying it is connected with the interview loaded.
static async Task<Visit> VisitAsync(IPage tab, WireBytes bytes, Func<Task<IResponse?>> navigate)
{
    bytes.Reset();
    await navigate();
    await tab.GetByRole(AriaRole.Status, new() { Name = "Connection: Connected" }).WaitForAsync();
    await tab.GetByRole(AriaRole.Region, new() { Name = "Interview timer" }).WaitForAsync();
    // Time since this document's navigation started, read in the page as soon as it is interactive.
    var interactiveMs = await tab.EvaluateAsync<double>("() => performance.now()");
    // Late requests of the same visit (icons, fonts) still count toward its bytes.
    await tab.WaitForLoadStateAsync(LoadState.NetworkIdle);
    return new Visit(bytes.Total, bytes.Requests, interactiveMs);
}

internal sealed record Visit(long Bytes, int Requests, double InteractiveMs);

/// <summary>Bytes as the network delivered them (compressed, with headers), from the DevTools protocol.</summary>
internal sealed class WireBytes
{
    private long total;
    private int requests;

    public long Total => Interlocked.Read(ref total);
    public int Requests => requests;

    public void Reset()
    {
        Interlocked.Exchange(ref total, 0);
        requests = 0;
    }

    public async Task WatchAsync(IBrowserContext context, IPage page)
    {
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e?.TryGetProperty("encodedDataLength", out var length) == true)
            {
                Interlocked.Add(ref total, (long)length.GetDouble());
                Interlocked.Increment(ref requests);
            }
        };
    }
}

internal sealed record Options(string Url, int Runs, string Json, string Markdown, string Psql)
{
    public static Options Parse(string[] args)
    {
        var given = new BenchArguments(args);
        var runs = given.Int("runs", 3);
        if (runs is < 1 or > 20)
        {
            throw new ArgumentException("--runs takes a number from 1 to 20.");
        }
        return new Options(given.Optional("url", "http://127.0.0.1:5080"), runs, given.Optional("json", "room-load.json"),
            given.Optional("md", "room-load.md"), given.Optional("psql", "psql"));
    }
}
