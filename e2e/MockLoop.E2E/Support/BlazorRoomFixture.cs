using Microsoft.Playwright;

namespace MockLoop.E2E.Support;

/// <summary>
/// An app process of its own and its own chromium for the Blazor room's tests: they may stop and restart the app
/// (its collection runs one test at a time).
/// </summary>
public sealed class BlazorRoomFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppProcess App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task<IPage> NewPersonAsync(int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        // The first visit downloads the WebAssembly runtime; later pages of the same person use the cache.
        context.SetDefaultTimeout(30_000);
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
public sealed class BlazorRoomCollection : ICollectionFixture<BlazorRoomFixture>
{
    public const string Name = "blazor room";
}
