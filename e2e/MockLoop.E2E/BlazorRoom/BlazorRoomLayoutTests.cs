using Microsoft.Playwright;
using MockLoop.E2E.Support;
using static MockLoop.E2E.BlazorRoom.BlazorRoomSteps;

namespace MockLoop.E2E.BlazorRoom;

/// <summary>The room's header and step tabs at common window widths, and the case's reference design for the interviewer.</summary>
[Collection(BlazorRoomCollection.Name)]
public sealed class BlazorRoomLayoutTests(BlazorRoomFixture fixture)
{
    private const string FraudCase = "Real-time payment fraud detection";

    private static bool Overlap((double X, double Y, double Width, double Height) a, (double X, double Y, double Width, double Height) b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    /// <summary>
    /// No chip (nor, while waiting, the invite link) overlaps the connection badge or the save status, and the page
    /// never scrolls sideways.
    /// </summary>
    private static async Task AssertHeaderFitsAsync(IPage page, int width, int people = 2)
    {
        await page.SetViewportSizeAsync(width, 900);
        var status = new[]
        {
            await BoxAsync(page.GetByRole(AriaRole.Status, new() { Name = "Connection: Connected" })),
            await BoxAsync(page.Locator(".save-status")),
        };
        var participants = page.GetByRole(AriaRole.Region, new() { Name = "Participants" });
        var chips = participants.GetByRole(AriaRole.Listitem);
        Assert.Equal(people, await chips.CountAsync());
        foreach (var chip in (await chips.AllAsync()).Concat(await participants.Locator(".invite").AllAsync()))
        {
            var box = await BoxAsync(chip);
            Assert.All(status, s => Assert.False(Overlap(box, s), $"at {width} px a person's chip overlaps the header's status"));
            Assert.True(box.X + box.Width <= width, $"at {width} px a chip reaches past the window");
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"at {width} px the page scrolls sideways");
        await AssertStepTabsReadableAsync(page, width);
    }

    /// <summary>Each step tab shows its label whole (a short one where the strip is narrow), never cut off.</summary>
    private static async Task AssertStepTabsReadableAsync(IPage page, int width)
    {
        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.broom .step-button')].map(button => {
              const shown = [...button.querySelectorAll('.step-title, .step-short')].filter(e => e.getBoundingClientRect().width > 1);
              if (shown.length !== 1) return button.title;
              // The text's own width against its box, unrounded (scrollWidth rounds, and a label can fit to the pixel).
              const text = document.createRange();
              text.selectNodeContents(shown[0]);
              const [needs, has] = [text.getBoundingClientRect().width, shown[0].getBoundingClientRect().width];
              return needs <= has + 0.01 ? '' : `${button.title} (${needs.toFixed(1)} px in ${has.toFixed(1)} px)`;
            }).filter(title => title)
            """);
        Assert.True(cut.Length == 0, $"at {width} px these step tabs are cut off: {string.Join("; ", cut)}");
        Assert.Equal(7, await page.GetByRole(AriaRole.List, new() { Name = "Framework steps" }).GetByRole(AriaRole.Button).CountAsync());
    }

    [Fact]
    public async Task The_header_fits_at_1280_1440_and_1920_and_the_reference_design_reaches_the_candidate_only_with_the_scorecard()
    {
        var ivy = await fixture.NewPersonAsync(1280);
        await People.RegisterAsync(ivy, "Ivy Widelayout Interviewer");
        await ivy.GotoAsync("/sessions/new");
        await ivy.GetByLabel("Interviewer").CheckAsync();
        await ivy.GetByLabel("Case", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = FraudCase });
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
        await People.WaitConnectedAsync(ivy);
        var invite = await ivy.GetByLabel("Invite your partner with this link").InputValueAsync();
        // Waiting: her chip, the open seat and the invite link.
        await AssertHeaderFitsAsync(ivy, 1440, people: 2);
        await AssertHeaderFitsAsync(ivy, 1280, people: 2);
        await ScreenshotAsync(ivy, "blazor-room-waiting-1280");
        var cal = await fixture.NewPersonAsync(1280);
        await JoinAsCandidateAsync(cal, "Calliope Widelayout Candidate", invite);
        await ivy.GetByRole(AriaRole.Listitem, new() { Name = "Calliope Widelayout Candidate, candidate, online" }).WaitForAsync();

        foreach (var width in new[] { 1280, 1440, 1920 })
        {
            await AssertHeaderFitsAsync(ivy, width);
            await AssertHeaderFitsAsync(cal, width);
        }

        // The interviewer opens the case on the reference design; the candidate's case has none.
        await ivy.GetByRole(AriaRole.Tab, new() { Name = "Case" }).ClickAsync();
        await ivy.Locator("details.reference-design > summary").ClickAsync();
        await ivy.GetByRole(AriaRole.Img, new() { Name = "Reference design for " + FraudCase }).WaitForAsync();
        await cal.GetByRole(AriaRole.Region, new() { Name = "Case" }).GetByText(FraudCase).First.WaitForAsync();
        Assert.Equal(0, await cal.GetByRole(AriaRole.Img, new() { Name = "Reference design for " + FraudCase }).CountAsync());
        Assert.Equal(0, await cal.Locator("details.reference-design").CountAsync());

        foreach (var width in new[] { 1280, 1440 })
        {
            await ivy.SetViewportSizeAsync(width, 900);
            await cal.SetViewportSizeAsync(width, 900);
            await ScreenshotAsync(ivy, $"blazor-room-interviewer-{width}");
            await ScreenshotAsync(cal, $"blazor-room-candidate-{width}");
        }

        // Running, the interviewer's timer has four controls beside the steps: the tabs stay readable.
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Pause" }).WaitForAsync();
        foreach (var width in new[] { 1280, 1440, 1920 })
        {
            await ivy.SetViewportSizeAsync(width, 900);
            await AssertStepTabsReadableAsync(ivy, width);
            await ScreenshotAsync(ivy, $"blazor-room-running-{width}");
        }

        // Once the scorecard is submitted the candidate gets the reference design too, without reloading.
        await ivy.GetByRole(AriaRole.Tab, new() { Name = "Scoring" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Radio, new() { Name = "level 3", Exact = false }).First.ClickAsync();
        await SaveStatus(ivy, "All changes saved").WaitForAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Yes, end it" }).ClickAsync();
        await ivy.GetByLabel("Target level").SelectOptionAsync("Mid");
        await ivy.GetByLabel("The one most important next step").FillAsync("Price the false declines");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        await cal.GetByRole(AriaRole.Link, new() { Name = "View your report" }).WaitForAsync();
        await cal.GetByRole(AriaRole.Tab, new() { Name = "Case" }).ClickAsync();
        await cal.GetByRole(AriaRole.Img, new() { Name = "Reference design for " + FraudCase }).WaitForAsync();

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }
}
