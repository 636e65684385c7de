using Microsoft.Playwright;

namespace MockLoop.E2E.Support;

/// <summary>One app process and one headless Debian chromium for the whole browser suite.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppProcess App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>
    /// Debian's chromium, headless, no browser download. Without the background-networking flags chromium floods the
    /// closed network with connections. Every fixture launches through here, so this also sets how long an
    /// <c>Assertions.Expect</c> waits: Playwright's 5 s is too short for a partner's change to reach the other browser on a
    /// loaded 2-core machine (the same give-up bound as the Blazor room's pages; it never makes a passing test slower).
    /// </summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright, params string[] extraArgs)
    {
        Assertions.SetDefaultExpectTimeout(30_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                .. extraArgs,
            ],
        });
    }

    /// <summary>A fresh browser profile: its own cookies, like a second person on another machine.</summary>
    public Task<IPage> NewPersonAsync() => NewPersonAsync(Browser, App.BaseUrl);

    /// <summary>A fresh browser profile on <paramref name="baseUrl"/> (for fixtures with an app of their own).</summary>
    public static async Task<IPage> NewPersonAsync(IBrowser browser, Uri baseUrl, float timeoutMs = 30_000)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(timeoutMs);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
