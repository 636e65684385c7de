using System.Text.Json.Nodes;
using Microsoft.Playwright;
using MockLoop.E2E.Support;
using MockLoop.Web.Tests.Support;

namespace MockLoop.E2E;

[Collection(BrowserCollection.Name)]
public sealed class RubricPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_author_fixes_a_broken_rubric_from_the_listed_problems_and_then_finds_it_in_the_library()
    {
        var page = await browser.NewPersonAsync();
        await People.RegisterAsync(page, "Rhea Rubric");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rubrics", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Upload a rubric" }).First.ClickAsync();

        var rubric = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryFolder.Root, "rubrics", "ml-system-design.json")))!.AsObject();
        rubric["id"] = "rhea-loop";
        rubric["title"] = "Rhea's loop";
        rubric["version"] = 0;
        rubric["steps"]![0]!["budgetMinutes"] = 0;
        await page.GetByLabel("Paste the JSON").FillAsync(rubric.ToJsonString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and upload" }).ClickAsync();

        var problems = page.GetByRole(AriaRole.Alert);
        await problems.GetByText("2 problems in pasted JSON.").WaitForAsync();
        await problems.GetByText("$.version", new() { Exact = true }).WaitForAsync();
        await problems.GetByText("$.steps[0].budgetMinutes", new() { Exact = true }).WaitForAsync();

        rubric["version"] = 1;
        rubric["steps"]![0]!["budgetMinutes"] = 5;
        var file = Path.Combine(Path.GetTempPath(), $"rhea-loop-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, rubric.ToJsonString());
        try
        {
            await page.GetByLabel("Paste the JSON").FillAsync("");
            await page.GetByLabel("Rubric file").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check and upload" }).ClickAsync();
        }
        finally
        {
            File.Delete(file);
        }

        await page.GetByRole(AriaRole.Heading, new() { Name = "Rhea's loop", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Status).GetByText("Uploaded.").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Rubrics", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Rhea's loop" }).WaitForAsync();

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Case_material_is_opened_only_after_the_warning_and_then_stays_folded_away_until_asked_for()
    {
        var page = await browser.NewPersonAsync();
        await page.GotoAsync("/cases/fraud-detection");
        var hint = page.GetByText("Labels from chargebacks and analyst confirmations with a maturity window", new() { Exact = false });
        // Anonymous: the prompt only; the material is not on the page at all.
        await page.GetByText("Design a system that detects fraudulent card payments").WaitForAsync();
        Assert.Equal(0, await hint.CountAsync());

        await People.RegisterAsync(page, "Owen Opener");
        await page.GotoAsync("/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Real-time payment fraud detection" }).ClickAsync();
        await page.GetByText("Opening it gives this case away.").WaitForAsync();
        Assert.Equal(0, await hint.CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Open the interviewer material" }).ClickAsync();
        await hint.WaitForAsync();
        Assert.True(await page.GetByText("Rules engine", new() { Exact = true }).First.IsVisibleAsync());
        await page.GetByRole(AriaRole.Img, new() { Name = "Reference design for Real-time payment fraud detection" }).WaitForAsync();

        // Entitled from now on, and the material stays folded away until asked for.
        await page.GotoAsync("/cases/fraud-detection");
        await page.GetByText("For interviewers").WaitForAsync();
        Assert.False(await hint.IsVisibleAsync());
        await page.GetByText("For interviewers").ClickAsync();
        await hint.WaitForAsync();

        await page.Context.CloseAsync();
    }
}
