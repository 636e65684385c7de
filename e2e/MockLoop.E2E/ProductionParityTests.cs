using Microsoft.Playwright;
using MockLoop.E2E.Support;
using static MockLoop.E2E.BlazorRoom.BlazorRoomSteps;

namespace MockLoop.E2E;

/// <summary>
/// The app exactly as the README's first command starts it (the published output, in Production: AppProcess), seen
/// as a newcomer sees it. Issue 27: every test once passed on Development hosts while `./mockloop run` served a room
/// whose scripts answered 500.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductionParityTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_whole_interview_by_invite_link_runs_on_the_published_app_in_production_with_every_asset_loading()
    {
        var assets = new AssetChecks();
        var ivy = await browser.NewPersonAsync();
        assets.Watch(ivy);
        var invite = await CreateInterviewAsync(ivy, "Ivy Production");
        await AssetChecks.AssertMarkupAssetsAnswer200Async(ivy);
        // The invite link has a Copy button that puts it on the clipboard.
        await ivy.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Copied", Exact = true }).WaitForAsync();
        Assert.Equal(invite, await ivy.EvaluateAsync<string>("navigator.clipboard.readText()"));

        var cal = await browser.NewPersonAsync();
        assets.Watch(cal);
        await JoinAsCandidateAsync(cal, "Cal Production", invite);
        await AssetChecks.AssertMarkupAssetsAnswer200Async(cal);
        await ivy.GetByRole(AriaRole.Listitem, new() { Name = "Cal Production, candidate, online" }).WaitForAsync();

        // The candidate draws; the interviewer sees it through the hub.
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();
        await SaveStatus(cal, "All changes saved").WaitForAsync();

        await ivy.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await cal.GetByText("Step 1 of 7 · Running").WaitForAsync();
        var objective = ivy.GetByRole(AriaRole.Radio, new() { Name = "Objective, success measure and scope: level 3", Exact = false });
        await objective.ClickAsync();
        await Assertions.Expect(objective).ToHaveAttributeAsync("aria-checked", "true");
        Assert.Equal(0, await cal.GetByRole(AriaRole.Region, new() { Name = "Scoring" }).CountAsync());

        await ivy.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Yes, end it" }).ClickAsync();
        await cal.GetByText("This interview has ended.", new() { Exact = false }).WaitForAsync();

        await ivy.GetByLabel("Target level").SelectOptionAsync("Mid");
        await ivy.GetByLabel("Strengths").FillAsync("Named the feature store early");
        await ivy.GetByLabel("The one most important next step").FillAsync("Size the feature store's online reads");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();

        await cal.GetByRole(AriaRole.Link, new() { Name = "View your report" }).ClickAsync();
        await cal.GetByRole(AriaRole.Heading, new() { Name = "The one next step" }).WaitForAsync();
        await cal.GetByText("Size the feature store's online reads").WaitForAsync();
        await AssetChecks.AssertMarkupAssetsAnswer200Async(cal);
        // The interviewer reads the same report.
        await ivy.GotoAsync(cal.Url);
        await ivy.GetByText("Size the feature store's online reads").WaitForAsync();
        await AssetChecks.AssertMarkupAssetsAnswer200Async(ivy);

        // The signed-in home leads with the next step from that report (issue 20).
        await cal.GotoAsync("/");
        await cal.GetByRole(AriaRole.Heading, new() { Name = "Welcome back, Cal Production" }).WaitForAsync();
        var progress = cal.GetByRole(AriaRole.Region, new() { Name = "Your progress" });
        await progress.GetByText("Size the feature store's online reads").WaitForAsync();
        await progress.GetByText("1 scored interview as a candidate", new() { Exact = false }).WaitForAsync();

        assets.AssertNoneBroken();
        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_a_visitor_and_a_signed_in_person_open_loads_every_script_and_stylesheet_it_names()
    {
        var assets = new AssetChecks();
        var visitor = await browser.NewPersonAsync();
        assets.Watch(visitor);
        foreach (var address in new[] { "/", "/account/login", "/account/register", "/account/forgot", "/cases", "/rubrics" })
        {
            await visitor.GotoAsync(address);
            await AssetChecks.AssertMarkupAssetsAnswer200Async(visitor);
        }

        var dana = await browser.NewPersonAsync();
        assets.Watch(dana);
        await People.RegisterAsync(dana, "Dana Pages");
        await dana.GotoAsync("/cases");
        var firstCase = await dana.Locator("a[href^='/cases/']").First.GetAttributeAsync("href");
        await dana.GotoAsync("/rubrics");
        var firstRubric = await dana.Locator("a[href^='/rubrics/'][href*='/v/']").First.GetAttributeAsync("href");
        var pages = new[]
        {
            "/", "/sessions/new", "/sessions", "/cases", firstCase!, "/rubrics", firstRubric!, "/rubrics/upload",
            "/progress", "/progress/given", "/schedule", "/schedule/book", "/schedule/profile",
        };
        foreach (var address in pages)
        {
            await dana.GotoAsync(address);
            Assert.DoesNotContain("/account/login", dana.Url);
            await AssetChecks.AssertMarkupAssetsAnswer200Async(dana);
        }

        // The lobby runs in WebAssembly: it must load its runtime and connect, not only name its script.
        await dana.GotoAsync("/lobby");
        await People.WaitConnectedAsync(dana);
        await AssetChecks.AssertMarkupAssetsAnswer200Async(dana);

        assets.AssertNoneBroken();
        await visitor.Context.CloseAsync();
        await dana.Context.CloseAsync();
    }
}
