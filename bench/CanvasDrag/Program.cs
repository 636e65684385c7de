// How smoothly the Blazor canvas drags a node in diagrams of growing size: frames per second (requestAnimationFrame
// callbacks counted in the page) while the mouse drags one linked node around, and the tab's JS heap. Started by
// bench/canvas-drag.sh against the published Release build; a measurement, never a pass/fail test.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MockLoop.Bench;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;

var options = Options.Parse(args);
using var playwright = await Playwright.CreateAsync();
await using var browser = await BenchChromium.LaunchAsync(playwright, "--enable-precise-memory-info");

var context = await browser.NewContextAsync(new BrowserNewContextOptions
{
    BaseURL = options.Url,
    ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
});
context.SetDefaultTimeout(120_000);
var page = await context.NewPageAsync();
await Account.OpenAsync(page, options.MailApi);
await page.GotoAsync("/sessions/new");
await page.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/s/[0-9a-f-]{36}"));
var sessionId = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);
var room = new Uri(page.Url).AbsolutePath;

// The diagram is seeded through the hub as the same person (a second connection, like a second tab), so each size
// is a real session log the room loads on its own; nodes in a grid, a fifth of the elements links along the rows.
var cookies = new CookieContainer();
foreach (var cookie in await context.CookiesAsync())
{
    cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
}
await using var hub = new HubConnectionBuilder()
    .WithUrl(new Uri(new Uri(options.Url), $"/hubs/interview?session={sessionId}"), o => o.Cookies = cookies)
    .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
    .Build();
hub.KeepAliveInterval = HubTimings.ClientKeepAlive;
hub.ServerTimeout = HubTimings.ServerTimeout;
await hub.StartAsync();
await hub.InvokeAsync<JsonElement>(InterviewHubMethods.Sync, -1L);
var seeder = new Seeder(hub);

var results = new List<Dictionary<string, object>>();
foreach (var size in options.Sizes)
{
    await seeder.GrowToAsync(size);
    await page.GotoAsync(room);
    await page.GetByRole(AriaRole.Status, new() { Name = "Connection: Connected" }).WaitForAsync();
    var nodes = page.Locator(".diagram-canvas .diagram-node");
    for (var wait = 0; await nodes.CountAsync() < seeder.Nodes; wait++)
    {
        if (wait > 600)
        {
            throw new InvalidOperationException($"The room drew {await nodes.CountAsync()} of {seeder.Nodes} nodes.");
        }
        await Task.Delay(100);
    }
    // Let the first renders and the minimap settle, so the idle figure below measures a quiet page, not start-up.
    await Task.Delay(1000);

    var idleFps = await FramesPerSecondAsync(page, () => Task.Delay(TimeSpan.FromSeconds(2)));
    var target = page.GetByRole(AriaRole.Group, new() { Name = Seeder.Label(0), Exact = true });
    var box = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("The dragged node is not visible.");
    var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
    await page.Mouse.MoveAsync((float)x, (float)y);
    await page.Mouse.DownAsync();
    var moves = 0;
    var dragFps = await FramesPerSecondAsync(page, async () =>
    {
        // A pointer moving at a person's pace: about 60 moves a second along a loop near the node's home.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(options.Seconds))
        {
            var t = clock.Elapsed.TotalSeconds;
            await page.Mouse.MoveAsync((float)(x + 160 + 120 * Math.Sin(t * 2)), (float)(y + 160 + 90 * Math.Cos(t * 2)));
            moves++;
            var next = TimeSpan.FromMilliseconds(moves * 1000.0 / 60);
            if (next > clock.Elapsed)
            {
                await Task.Delay(next - clock.Elapsed);
            }
        }
    });
    await page.Mouse.UpAsync();
    // The figure only counts if the drag really moved the node (the library took the pointer, the drop became an op).
    var dropped = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("The dragged node vanished.");
    if (Math.Abs(dropped.X - box.X) + Math.Abs(dropped.Y - box.Y) < 20)
    {
        throw new InvalidOperationException("The node did not move: the drag was not measured.");
    }
    var heap = await page.EvaluateAsync<double>("() => performance.memory ? performance.memory.usedJSHeapSize : 0");
    // .NET's own heap lives in the WebAssembly memory, which the JS heap figure does not include.
    var wasm = await page.EvaluateAsync<double>("""
        () => { try { return globalThis.getDotnetRuntime?.(0)?.Module?.HEAP8?.length ?? 0; } catch { return 0; } }
        """);
    var row = new Dictionary<string, object>
    {
        ["elements"] = seeder.Elements,
        ["nodes"] = seeder.Nodes,
        ["links"] = seeder.Links,
        ["idleFps"] = Math.Round(idleFps, 1),
        ["dragFps"] = Math.Round(dragFps, 1),
        ["mouseMovesPerSecond"] = Math.Round(moves / options.Seconds, 1),
        ["jsHeapMB"] = Math.Round(heap / 1_048_576, 1),
        ["wasmMemoryMB"] = Math.Round(wasm / 1_048_576, 1),
    };
    results.Add(row);
    Console.Error.WriteLine($"bench: {size} elements: {JsonSerializer.Serialize(row)}");
}

var report = new Dictionary<string, object>
{
    ["when"] = DateTimeOffset.UtcNow,
    ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
    ["dragSeconds"] = options.Seconds,
    ["sizes"] = results,
};
await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
var md = new System.Text.StringBuilder();
md.AppendLine("| Elements (nodes + links) | Idle fps | Fps while dragging | Mouse moves/s handled | JS heap (MB) | WebAssembly memory (MB) |");
md.AppendLine("|---|---|---|---|---|---|");
foreach (var r in results)
{
    md.AppendLine(CultureInfo.InvariantCulture, $"| {r["elements"]} ({r["nodes"]} + {r["links"]}) | {r["idleFps"]} | {r["dragFps"]} | {r["mouseMovesPerSecond"]} | {r["jsHeapMB"]} | {r["wasmMemoryMB"]} |");
}
await File.WriteAllTextAsync(options.Markdown, md.ToString());
Console.WriteLine(md);

// Frames the page painted per second while `during` ran: requestAnimationFrame callbacks counted in the page, so a
// main thread busy with .NET's work on each pointer move shows up as missing frames.
static async Task<double> FramesPerSecondAsync(IPage page, Func<Task> during)
{
    await page.EvaluateAsync("""
        () => {
            window.__benchFrames = 0;
            window.__benchCounting = true;
            const tick = () => { if (window.__benchCounting) { window.__benchFrames++; requestAnimationFrame(tick); } };
            requestAnimationFrame(tick);
            window.__benchStart = performance.now();
        }
        """);
    await during();
    var counted = await page.EvaluateAsync<double[]>("""
        () => { window.__benchCounting = false; return [window.__benchFrames, performance.now() - window.__benchStart]; }
        """);
    return counted[0] / (counted[1] / 1000);
}

/// <summary>Adds nodes and links through the hub until the diagram holds the wanted number of elements.</summary>
internal sealed class Seeder(HubConnection hub)
{
    private static readonly string[] Types = ["feature-store", "model-server", "sql-db", "service", "search-index", "object-store"];

    public int Nodes { get; private set; }
    public int Links { get; private set; }
    public int Elements => Nodes + Links;

    public static string Label(int index) => $"Bench {index}";

    public async Task GrowToAsync(int elements)
    {
        while (Elements < elements)
        {
            // Four nodes to one link; link k joins a node to its right neighbour, 19 links to a row of 20 nodes.
            var source = Links + Links / 19;
            var linkDue = Links < Elements / 5 && source + 1 < Nodes;
            DiagramOp op = linkDue
                ? new AddLinkOp(Id("op"), new DiagramLink($"l_bench_{Links}", NodeId(source), NodeId(source + 1), "feeds"))
                : new AddNodeOp(Id("op"), new DiagramNode(NodeId(Nodes), Types[Nodes % Types.Length], Label(Nodes),
                    40 + Nodes % 20 * 200, 40 + Nodes / 20 * 100, 168, 56));
            await SubmitAsync(op);
            if (linkDue)
            {
                Links++;
            }
            else
            {
                Nodes++;
            }
        }
    }

    private static string NodeId(int index) => $"n_bench_{index}";

    private static string Id(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    private async Task SubmitAsync(DiagramOp op)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await hub.InvokeAsync<CommandResult>(InterviewHubMethods.SubmitOp, JsonSerializer.SerializeToElement(op, DiagramJson.Options));
            if (result.Ok)
            {
                return;
            }
            if (result.Code is not ("rate_limited" or "unavailable") || attempt > 50)
            {
                throw new InvalidOperationException($"The server refused {op.GetType().Name}: {result.Code} {result.Error}");
            }
            await Task.Delay(250);
        }
    }
}

/// <summary>An account opened the way a person opens one: the form, the confirmation mail (from smtp4dev), sign-in.</summary>
internal static partial class Account
{
    public static async Task OpenAsync(IPage page, string mailApi)
    {
        var email = $"bench.{Guid.NewGuid():N}@example.test";
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Display name").FillAsync("Bench Drawer");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("practice42");
        await page.GetByLabel("Confirm password").FillAsync("practice42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your inbox" }).WaitForAsync();
        await page.GotoAsync(await ConfirmationLinkAsync(mailApi, email));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your email is confirmed" }).WaitForAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("practice42");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    private static async Task<string> ConfirmationLinkAsync(string mailApi, string email)
    {
        using var http = new HttpClient { BaseAddress = new Uri(mailApi) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var list = JsonDocument.Parse(await http.GetStringAsync("/api/messages?pageSize=5000"));
            foreach (var message in list.RootElement.GetProperty("results").EnumerateArray())
            {
                if (message.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), email, StringComparison.OrdinalIgnoreCase)))
                {
                    var text = await http.GetStringAsync($"/api/messages/{message.GetProperty("id").GetString()}/plaintext");
                    return ConfirmLink().Match(text) is { Success: true } link
                        ? link.Value
                        : throw new InvalidOperationException("The confirmation mail holds no /account/confirm link.");
                }
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"No confirmation mail reached {email} within 20 s.");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+/account/confirm\S*")]
    private static partial System.Text.RegularExpressions.Regex ConfirmLink();
}

internal sealed record Options(string Url, string MailApi, int[] Sizes, double Seconds, string Json, string Markdown)
{
    public static Options Parse(string[] args)
    {
        var given = new BenchArguments(args);
        return new Options(
            given.Required("url"),
            given.Required("mail-api", "smtp4dev's web address"),
            BenchArguments.List(given.Optional("sizes", "50,200,500")).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order().ToArray(),
            given.Double("seconds", 5),
            given.Optional("json", "canvas-drag.json"),
            given.Optional("md", "canvas-drag.md"));
    }
}
