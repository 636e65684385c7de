using Microsoft.Playwright;
using MockLoop.E2E.Support;

namespace MockLoop.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ScorecardTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_whole_interview_from_pairing_to_the_scorecard_shows_in_the_candidates_report_and_dashboard()
    {
        var ivy = await browser.NewPersonAsync();
        await People.RegisterAsync(ivy, "Ivy Scorer");
        var cal = await browser.NewPersonAsync();
        await People.RegisterAsync(cal, "Cal Scored");

        await People.PairThroughLobbyAsync(ivy, cal);

        await ivy.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Radio, new() { Name = "Objective, success measure and scope: level 3", Exact = false }).ClickAsync();
        // Level 4 is level 3 plus two strong signals: the 4 stays disabled until two are ticked.
        Assert.True(await ivy.GetByRole(AriaRole.Radio, new() { Name = "Scale, latency or throughput, freshness and cost: level 4", Exact = false }).IsDisabledAsync());
        await ivy.GetByText("Level 4 = level 3 + any 2 of these (0 ticked)").Nth(1).ClickAsync();
        await ivy.GetByRole(AriaRole.Checkbox, new() { Name = "Does the arithmetic out loud", Exact = false }).CheckAsync();
        await ivy.GetByText("Level 4 = level 3 + any 2 of these (1 ticked)").WaitForAsync();
        await ivy.GetByRole(AriaRole.Checkbox, new() { Name = "Separates hard constraints from preferences", Exact = false }).CheckAsync();
        await ivy.GetByText("Level 4 = level 3 + any 2 of these (2 ticked)").WaitForAsync();
        await ivy.GetByRole(AriaRole.Radio, new() { Name = "Scale, latency or throughput, freshness and cost: level 4", Exact = false }).ClickAsync();
        await ivy.GetByLabel("Step score").Filter(new() { HasTextString = "3.50" }).WaitForAsync();
        // The candidate's screen has no scoring at all while the interview runs.
        Assert.Equal(0, await cal.GetByRole(AriaRole.Region, new() { Name = "Scoring" }).CountAsync());

        for (var step = 2; step <= 5; step++)
        {
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Next step →" }).ClickAsync();
            await ivy.GetByText($"Step {step} of 7 · Running").WaitForAsync();
        }
        await ivy.GetByRole(AriaRole.Radio, new() { Name = "Offline metrics and protocol: level 2", Exact = false }).ClickAsync();
        await ivy.GetByLabel("Note on Offline metrics and protocol").FillAsync("Picked accuracy for a ranking problem");
        await ivy.GetByLabel("Note on Offline metrics and protocol").BlurAsync();
        await ivy.GetByRole(AriaRole.Checkbox, new() { Name = "Keeps accuracy as the metric when positives are rare", Exact = false }).CheckAsync();
        await ivy.GetByText("1 red flag recorded", new() { Exact = false }).WaitForAsync();
        await MockLoop.E2E.BlazorRoom.BlazorRoomSteps.ScreenshotAsync(ivy, "room-scoring");

        await ivy.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Yes, end it" }).ClickAsync();

        await cal.GetByRole(AriaRole.Region, new() { Name = "Self-assessment" }).WaitForAsync();
        await cal.GetByRole(AriaRole.Region, new() { Name = "Self-assessment" }).GetByText("Evaluation", new() { Exact = true }).ClickAsync();
        await cal.GetByRole(AriaRole.Radio, new() { Name = "Offline metrics and protocol: level 3", Exact = false }).ClickAsync();
        await cal.GetByText("1 of 17 rated · optional").WaitForAsync();

        await ivy.GetByLabel("Target level").SelectOptionAsync("Mid");
        await ivy.GetByLabel("Strengths").FillAsync("Clear requirements");
        await ivy.GetByLabel("What to improve").FillAsync("Evaluation depth");
        await ivy.GetByLabel("The one most important next step").FillAsync("Practise ranking metrics: NDCG and MRR");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();

        await cal.GetByRole(AriaRole.Link, new() { Name = "View your report" }).ClickAsync();
        await cal.GetByRole(AriaRole.Heading, new() { Name = "The one next step" }).WaitForAsync();
        await cal.GetByText("Practise ranking metrics: NDCG and MRR").WaitForAsync();
        await cal.GetByText("“Picked accuracy for a ranking problem”").WaitForAsync();
        // Weighted mean of the assessed steps: clarify 3.5 (weight 10) and evaluation 2 (weight 15) → 2.60.
        Assert.Equal("2.60", (await cal.GetByLabel("Overall score").InnerTextAsync()).Trim());
        // The red flag caps the verdict whatever the average, and the report names it and the steps not assessed.
        await cal.GetByRole(AriaRole.Heading, new() { Name = "Below the Mid bar" }).WaitForAsync();
        await cal.GetByText("Keeps accuracy as the metric when positives are rare", new() { Exact = false }).First.WaitForAsync();
        await cal.GetByText("Not assessed:", new() { Exact = false }).WaitForAsync();
        await cal.GetByText("Strong signals: Does the arithmetic out loud", new() { Exact = false }).WaitForAsync();

        await cal.GotoAsync("/progress");
        await cal.GetByText("1 scored session on").WaitForAsync();
        await cal.GetByRole(AriaRole.Img, new() { Name = "Overall score over time" }).WaitForAsync();
        await cal.GetByRole(AriaRole.Table, new() { Name = "Per-step scores by session" }).WaitForAsync();

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }
}
