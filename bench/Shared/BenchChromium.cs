using Microsoft.Playwright;

namespace MockLoop.Bench;

/// <summary>The browser benchmarks' chromium: Debian's, headless, no download, as the browser tests launch it.</summary>
internal static class BenchChromium
{
    /// <summary>Without the background-networking flags chromium floods the closed network with connections.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", .. extraArgs,
            ],
        });
}
