using Microsoft.Playwright;
using MockLoop.E2E.Support;
using MockLoop.Web.Tests.Support;

namespace MockLoop.E2E;

/// <summary>
/// Hardening item 1 in a real browser: PostgreSQL stops under the app while a participant draws. The room keeps the
/// change on screen marked unsaved, resends it with backoff, and stores it once the database is back. The app runs
/// on a PostgreSQL cluster of this test's own, the only one it stops.
/// </summary>
public sealed class DatabaseRestartRoomTests : IAsyncLifetime
{
    private DedicatedCluster _cluster = null!;
    private AppProcess _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _cluster = await DedicatedCluster.StartAsync();
        _app = new AppProcess(serverConnectionString: _cluster.ServerConnectionString);
        await _app.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private Task<IPage> NewPersonAsync() => BrowserFixture.NewPersonAsync(_browser, _app.BaseUrl, timeoutMs: 20_000);

    private static ILocator Node(IPage page, string label) =>
        page.Locator(".react-flow__node").Filter(new() { Has = page.Locator(".dc-node-label", new() { HasTextString = label }) });

    [Fact]
    public async Task A_node_added_while_the_database_is_down_shows_as_unsaved_and_is_stored_once_it_is_back()
    {
        var ivy = await NewPersonAsync();
        await People.RegisterAsync(ivy, "Ivy Restart");
        await ivy.GotoAsync("/sessions/new");
        await ivy.GetByLabel("Interviewer").CheckAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
        await People.WaitConnectedAsync(ivy);
        var invite = await ivy.GetByLabel("Invite your partner with this link").InputValueAsync();
        var cal = await NewPersonAsync();
        await People.RegisterAsync(cal, "Cal Restart");
        await cal.GotoAsync(invite);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Join as candidate" }).ClickAsync();
        await People.WaitConnectedAsync(cal);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store" }).ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();

        await _cluster.StopServerAsync();
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Model server" }).ClickAsync();

        // Kept on the author's screen, marked unsaved; the partner does not see what is not stored.
        await Node(cal, "Model server").WaitForAsync();
        var unsaved = cal.GetByRole(AriaRole.Status, new() { Name = "Unsaved changes" });
        await Assertions.Expect(unsaved).ToHaveTextAsync("1 unsaved change, retrying…");
        Assert.Equal(0, await Node(ivy, "Model server").CountAsync());

        await _cluster.StartServerAsync();

        // The resend stores it: the mark goes, the partner sees the node, and a reload (from the log) still has it once.
        await Node(ivy, "Model server").WaitForAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(unsaved).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await cal.ReloadAsync();
        await People.WaitConnectedAsync(cal);
        await Node(cal, "Model server").WaitForAsync();
        Assert.Equal(1, await Node(cal, "Model server").CountAsync());
        Assert.Equal(1, await Node(cal, "Feature store").CountAsync());
    }
}
