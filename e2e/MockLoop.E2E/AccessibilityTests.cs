using Microsoft.Playwright;
using MockLoop.E2E.Support;
using static MockLoop.E2E.BlazorRoom.BlazorRoomSteps;

namespace MockLoop.E2E;

/// <summary>
/// Issue 20: no serious or critical axe-core finding on any page, for a visitor and a signed-in person, and in the
/// room for both roles before, during and after the interview.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_page_for_a_visitor_and_a_signed_in_person_has_no_serious_axe_finding()
    {
        var visitor = await browser.NewPersonAsync();
        foreach (var address in new[] { "/", "/account/login", "/account/register", "/account/forgot", "/not-found-here" })
        {
            await visitor.GotoAsync(address);
            await AxeAudit.AssertNoSeriousFindingsAsync(visitor, "a visitor's " + address);
        }

        var dana = await browser.NewPersonAsync();
        await People.RegisterAsync(dana, "Dana Audit");
        await dana.GotoAsync("/cases");
        var firstCase = await dana.Locator("a[href^='/cases/']").First.GetAttributeAsync("href");
        await dana.GotoAsync("/rubrics");
        var firstRubric = await dana.Locator("a[href^='/rubrics/'][href*='/v/']").First.GetAttributeAsync("href");
        foreach (var address in new[]
                 {
                     "/", "/sessions/new", "/sessions", "/cases", firstCase!, "/rubrics", firstRubric!, "/rubrics/upload",
                     "/progress", "/progress/given", "/schedule", "/schedule/book", "/schedule/profile",
                 })
        {
            await dana.GotoAsync(address);
            await AxeAudit.AssertNoSeriousFindingsAsync(dana, address);
        }
        await dana.GotoAsync("/lobby");
        await People.WaitConnectedAsync(dana);
        await AxeAudit.AssertNoSeriousFindingsAsync(dana, "the lobby");

        await visitor.Context.CloseAsync();
        await dana.Context.CloseAsync();
    }

    [Fact]
    public async Task The_room_has_no_serious_axe_finding_for_either_role_before_during_or_after_the_interview()
    {
        var ivy = await browser.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Audit");
        await AxeAudit.AssertNoSeriousFindingsAsync(ivy, "the interviewer's room, waiting");
        var cal = await browser.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Audit", invite);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();
        await AxeAudit.AssertNoSeriousFindingsAsync(ivy, "the interviewer's room, before the start");
        await AxeAudit.AssertNoSeriousFindingsAsync(cal, "the candidate's room, before the start");

        await ivy.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await cal.GetByText("Step 1 of 7 · Running").WaitForAsync();
        await ivy.GetByRole(AriaRole.Radio, new() { Name = "Objective, success measure and scope: level 3", Exact = false }).ClickAsync();
        await AxeAudit.AssertNoSeriousFindingsAsync(ivy, "the interviewer's room, running");
        await AxeAudit.AssertNoSeriousFindingsAsync(cal, "the candidate's room, running");

        await ivy.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Yes, end it" }).ClickAsync();
        await cal.GetByText("This interview has ended.", new() { Exact = false }).WaitForAsync();
        await AxeAudit.AssertNoSeriousFindingsAsync(ivy, "the interviewer's room, ended");
        await AxeAudit.AssertNoSeriousFindingsAsync(cal, "the candidate's room, ended");

        await ivy.GetByLabel("Target level").SelectOptionAsync("Mid");
        await ivy.GetByLabel("Strengths").FillAsync("Clear requirements");
        await ivy.GetByLabel("The one most important next step").FillAsync("Practise ranking metrics");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        await cal.GetByRole(AriaRole.Link, new() { Name = "View your report" }).WaitForAsync();
        await AxeAudit.AssertNoSeriousFindingsAsync(ivy, "the interviewer's room, scored");
        await AxeAudit.AssertNoSeriousFindingsAsync(cal, "the candidate's room, scored");
        await cal.GetByRole(AriaRole.Link, new() { Name = "View your report" }).ClickAsync();
        await cal.GetByRole(AriaRole.Heading, new() { Name = "The one next step" }).WaitForAsync();
        await AxeAudit.AssertNoSeriousFindingsAsync(cal, "the report");

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }
}
