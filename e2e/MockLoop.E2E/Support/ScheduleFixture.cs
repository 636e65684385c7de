using Microsoft.Playwright;
using MockLoop.TestClock;

namespace MockLoop.E2E.Support;

/// <summary>
/// An app process of its own whose clock the test can move forward (MockLoop.TestClock, only in Development or Testing
/// environment and with a token), with the schedule worker polling every second, and a chromium.
/// </summary>
public sealed class ScheduleFixture : IAsyncLifetime
{
    public const string ClockToken = "e2e-clock-token-0123456789";
    private IPlaywright? _playwright;

    public AppProcess App { get; } = new();
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // The controllable clock is refused in Production: this app alone runs the published output as Testing, and
        // loads the clock from the test assembly beside these tests (the published output has none, ADR 166).
        App.Settings["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in ControllableClockStartup.ProcessSettings(ClockToken))
        {
            App.Settings[key] = value;
        }
        App.Settings["Schedule__Worker__PollInterval"] = "00:00:01";
        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    /// <summary>A person in a browser set to a time zone of their own.</summary>
    public async Task<IPage> NewPersonAsync(string timeZone)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            TimezoneId = timeZone,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Moves the app's clock forward; returns the app's new now.</summary>
    public async Task<DateTimeOffset> AdvanceClockAsync(TimeSpan by)
    {
        using var http = new HttpClient { BaseAddress = App.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/testing/clock/advance?minutes={by.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        request.Headers.Add(ControllableClockStartup.TokenHeader, ClockToken);
        var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("now").GetDateTimeOffset();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
