using Microsoft.Playwright;

namespace MockLoop.E2E.Support;

/// <summary>
/// A second headless chromium for the video call: the suite's flags plus a fake camera and microphone (a moving
/// pattern and a beep), permission prompts answered yes (also for screen sharing), and host candidates as plain
/// addresses (mDNS names do not resolve here). It shares the browser collection's app process.
/// </summary>
public sealed class MediaBrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright,
            "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
            "--disable-features=WebRtcHideLocalIpsWithMdns");
    }

    /// <summary>A fresh profile (its own cookies and devices), like a second person on another machine.</summary>
    public async Task<IPage> NewPersonAsync(Uri baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
