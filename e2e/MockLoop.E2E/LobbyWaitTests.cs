using Microsoft.Playwright;
using MockLoop.E2E.Support;

namespace MockLoop.E2E;

/// <summary>
/// Issue 20: the lobby dropped whoever waited more than 15–45 s (its client pinged every 15 s against the server's
/// 15 s time-out). A collection of its own, so its long quiet wait runs beside the other browser tests.
/// </summary>
[Collection(LobbyWaitCollection.Name)]
public sealed class LobbyWaitTests(BrowserFixture browser)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_person_waiting_90_seconds_in_the_lobby_stays_queued_and_counted_and_is_then_paired()
    {
        var ivy = await browser.NewPersonAsync();
        await People.RegisterAsync(ivy, "Ivy Patient");
        var cal = await browser.NewPersonAsync();
        await People.RegisterAsync(cal, "Cal Late");

        // The page's first response already shows the form, not a blank page while the runtime starts.
        var served = await (await ivy.APIRequest.GetAsync("/lobby")).TextAsync();
        Assert.Contains("Join the queue", served);
        Assert.Contains("connection-connecting", served);

        await ivy.GotoAsync("/lobby");
        await People.WaitConnectedAsync(ivy);
        await ivy.GetByLabel("The interviewer").CheckAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Join the queue" }).ClickAsync();
        var waiting = ivy.GetByRole(AriaRole.Heading, new() { Name = "Looking for a partner…" });
        await waiting.WaitForAsync();

        await cal.GotoAsync("/lobby");
        await People.WaitConnectedAsync(cal);
        // The counts: candidates, interviewers, either.
        var interviewersWaiting = cal.GetByRole(AriaRole.Region, new() { Name = "Waiting now" }).Locator("strong").Nth(1);
        await Assertions.Expect(interviewersWaiting).ToHaveTextAsync("1");

        // A quiet wait: nothing is sent but keep-alives. Every few seconds, both pages still say the same.
        var until = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.True(await waiting.IsVisibleAsync(), "The waiting interviewer's page left 'Looking for a partner…'");
            Assert.True(await ivy.GetByRole(AriaRole.Status, new() { Name = "Connection: Connected" }).IsVisibleAsync(),
                "The waiting interviewer's page stopped saying it is connected");
            Assert.Equal("1", (await interviewersWaiting.InnerTextAsync()).Trim());
        }
        var waited = (await ivy.GetByLabel("Time waited").InnerTextAsync()).Trim();
        Assert.Matches(@"^[1-9]:\d\d$", waited);

        await cal.GetByLabel("The candidate").CheckAsync();
        await cal.GetByRole(AriaRole.Button, new() { Name = "Join the queue" }).ClickAsync();
        await ivy.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/s/[0-9a-f-]{36}$"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await cal.WaitForURLAsync(ivy.Url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class LobbyWaitCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "lobby wait";
}
