using Microsoft.Playwright;
using MockLoop.E2E.Support;

namespace MockLoop.E2E;

[Collection(BrowserCollection.Name)]
public sealed partial class InterviewTests(BrowserFixture browser)
{
    [Fact]
    public async Task Two_people_pair_in_the_lobby_walk_all_seven_steps_and_a_reload_keeps_the_state()
    {
        var ivy = await browser.NewPersonAsync();
        await People.RegisterAsync(ivy, "Ivy Lobby");
        var cal = await browser.NewPersonAsync();
        await People.RegisterAsync(cal, "Cal Lobby");

        await People.PairThroughLobbyAsync(ivy, cal);

        // Only the interviewer has the controls, and only the interviewer sees the hints.
        Assert.Equal(0, await cal.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).CountAsync());
        Assert.Equal(0, await cal.GetByText("Facts to reveal when asked").CountAsync());
        await ivy.GetByText("Facts to reveal when asked").WaitForAsync();

        await ivy.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await cal.GetByText("Step 1 of 7 · Running").WaitForAsync();

        for (var step = 2; step <= 4; step++)
        {
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Next step →" }).ClickAsync();
            await cal.GetByText($"Step {step} of 7 · Running").WaitForAsync();
        }

        // The chat is a tab of the side column for both (the interviewer's opens on scoring).
        await cal.GetByRole(AriaRole.Tab, new() { Name = "Chat" }).ClickAsync();
        await cal.GetByLabel("Message").FillAsync("Two-tower retrieval, then a ranker.");
        await cal.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Tab, new() { Name = "Chat (1 unread)" }).ClickAsync();
        await ivy.GetByText("Two-tower retrieval, then a ranker.").WaitForAsync();

        // Mid-step reload: same step, same chat, and a timer that counts on from the server's anchors.
        await cal.ReloadAsync();
        await People.WaitConnectedAsync(cal);
        await cal.GetByText("Step 4 of 7 · Running").WaitForAsync();
        await cal.GetByRole(AriaRole.Tab, new() { Name = "Chat" }).ClickAsync();
        await cal.GetByText("Two-tower retrieval, then a ranker.").WaitForAsync();
        // Both count from the same server anchors: the reloaded display reads between two readings of the other.
        var ivyBefore = await Seconds(ivy.GetByLabel("Total elapsed"));
        var calTotal = await Seconds(cal.GetByLabel("Total elapsed"));
        var ivyAfter = await Seconds(ivy.GetByLabel("Total elapsed"));
        Assert.InRange(calTotal, ivyBefore - 1, ivyAfter + 1);

        for (var step = 5; step <= 7; step++)
        {
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Next step →" }).ClickAsync();
            await cal.GetByText($"Step {step} of 7 · Running").WaitForAsync();
        }
        // The interviewer's own page moves on when its command is acknowledged, which may come after the candidate's.
        await ivy.GetByText("Step 7 of 7 · Running").WaitForAsync();
        await Assertions.Expect(ivy.GetByRole(AriaRole.Button, new() { Name = "Next step →" })).ToHaveCountAsync(0);

        await ivy.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Yes, end it" }).ClickAsync();
        await cal.GetByText("This interview has ended.").WaitForAsync();

        await cal.GotoAsync("/sessions");
        var row = cal.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ivy Lobby" });
        await row.GetByText("Ended").WaitForAsync();
        await row.GetByText("Candidate").WaitForAsync();

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    private static async Task<int> Seconds(ILocator clock)
    {
        var text = (await clock.InnerTextAsync()).Split('/')[0].Trim();
        var parts = text.Split(':').Select(int.Parse).ToArray();
        return parts.Aggregate(0, (total, part) => total * 60 + part);
    }
}
