using Microsoft.Playwright;
using MockLoop.E2E.BlazorRoom;
using MockLoop.E2E.Support;
using MockLoop.Web.Tests.Support;

namespace MockLoop.E2E;

/// <summary>
/// Hardening item 1 in a real browser: PostgreSQL stops under the app while a participant draws. The room keeps the
/// change on screen marked unsaved, resends it with backoff, and stores it once the database is back; the lobby page
/// (issue 11) retries a join the same way, saying "Reconnecting…" instead of showing an error. The app runs on a
/// PostgreSQL cluster of these tests' own, the only one they stop.
/// </summary>
public sealed class DatabaseRestartRoomTests(DatabaseRestartFixture fixture) : IClassFixture<DatabaseRestartFixture>
{
    private Task<IPage> NewPersonAsync() => BrowserFixture.NewPersonAsync(fixture.Browser, fixture.App.BaseUrl, timeoutMs: 20_000);

    private static ILocator Node(IPage page, string label) => CanvasScenarios.Node(page, label);

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

        await fixture.Cluster.StopServerAsync();
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Model server" }).ClickAsync();

        // Kept on the author's screen, marked unsaved; the partner does not see what is not stored.
        await Node(cal, "Model server").WaitForAsync();
        await BlazorRoomSteps.SaveStatus(cal, "1 change not saved yet").WaitForAsync();
        Assert.Equal(0, await Node(ivy, "Model server").CountAsync());

        await fixture.Cluster.StartServerAsync();

        // The resend stores it: the mark goes, the partner sees the node, and a reload (from the log) still has it once.
        await Node(ivy, "Model server").WaitForAsync(new() { Timeout = 60_000 });
        await BlazorRoomSteps.SaveStatus(cal, "All changes saved").WaitForAsync(new() { Timeout = 30_000 });
        await cal.ReloadAsync();
        await People.WaitConnectedAsync(cal);
        await Node(cal, "Model server").WaitForAsync();
        Assert.Equal(1, await Node(cal, "Model server").CountAsync());
        Assert.Equal(1, await Node(cal, "Feature store").CountAsync());
    }

    [Fact]
    public async Task Joining_the_lobby_while_the_database_is_down_shows_reconnecting_and_queues_once_it_is_back()
    {
        var lou = await NewPersonAsync();
        await People.RegisterAsync(lou, "Lou Lobby");
        await lou.GotoAsync("/lobby");
        await lou.GetByRole(AriaRole.Status, new() { Name = "Connection: Connected" }).WaitForAsync();
        await lou.GetByLabel("The candidate").CheckAsync();

        await fixture.Cluster.StopServerAsync();
        await lou.GetByRole(AriaRole.Button, new() { Name = "Join the queue" }).ClickAsync();

        // Quietly retried: the page says it is reconnecting and shows no error.
        await lou.GetByRole(AriaRole.Status, new() { Name = "Connection: Reconnecting…" }).WaitForAsync();
        await Assertions.Expect(lou.GetByRole(AriaRole.Button, new() { Name = "Reconnecting…" })).ToBeDisabledAsync();
        Assert.Equal(0, await lou.GetByRole(AriaRole.Alert).CountAsync());

        await fixture.Cluster.StartServerAsync();

        await lou.GetByRole(AriaRole.Heading, new() { Name = "Looking for a partner…" }).WaitForAsync(new() { Timeout = 60_000 });
        await lou.GetByRole(AriaRole.Status, new() { Name = "Connection: Connected" }).WaitForAsync();
        Assert.Equal(0, await lou.GetByRole(AriaRole.Alert).CountAsync());
        await lou.Context.CloseAsync();
    }
}

/// <summary>An app on a PostgreSQL cluster of its own (the only one these tests stop), and a chromium.</summary>
public sealed class DatabaseRestartFixture : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    public DedicatedCluster Cluster { get; private set; } = null!;
    public AppProcess App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await DedicatedCluster.StartAsync();
        App = new AppProcess(serverConnectionString: Cluster.ServerConnectionString);
        await App.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
