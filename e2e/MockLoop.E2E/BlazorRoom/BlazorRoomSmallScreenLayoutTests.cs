using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MockLoop.E2E.Support;
using static MockLoop.E2E.BlazorRoom.BlazorRoomSteps;

namespace MockLoop.E2E.BlazorRoom;

/// <summary>
/// The room on a 1024 px laptop and a 390 px phone in both roles, the Chat tab's unread count between two browsers,
/// the scorecard as the interviewer's next step once ended, and no page scrolling sideways from 360 px up.
/// </summary>
[Collection(BlazorRoomCollection.Name)]
public sealed class BlazorRoomSmallScreenLayoutTests(BlazorRoomFixture fixture)
{
    private static ILocator Canvas(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Architecture canvas" });

    private static ILocator Tab(IPage page, string name) => page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string where)
    {
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{where} scrolls sideways: {widths[0]} px of content in {widths[1]} px");
    }

    /// <summary>The drawing area (right of the palette, below the canvas toolbar) as a share of the window's width.</summary>
    private static async Task<double> StageShareAsync(IPage page) =>
        await page.EvaluateAsync<double>("() => document.querySelector('.canvas-stage').getBoundingClientRect().width / window.innerWidth");

    [Fact]
    public async Task At_1024_by_768_the_canvas_has_over_half_the_width_the_panels_fold_away_and_full_screen_keeps_the_timer_and_the_call()
    {
        var ivy = await fixture.NewPersonAsync(1024, 768);
        var invite = await CreateInterviewAsync(ivy, "Ivy Laptop Interviewer");
        var cal = await fixture.NewPersonAsync(1024, 768);
        await JoinAsCandidateAsync(cal, "Cal Laptop Candidate", invite);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();

        foreach (var (page, role) in new[] { (ivy, "interviewer"), (cal, "candidate") })
        {
            await SaveStatus(page, "All changes saved").WaitForAsync();
            var share = await StageShareAsync(page);
            Assert.True(share >= 0.55, $"the {role}'s drawing area has {share:P0} of the width");
            await AssertNoSidewaysScrollAsync(page, $"the {role}'s room at 1024 px");
            // The save status is whole: inside the window and its words not clipped.
            var saved = await BoxAsync(page.Locator(".save-status"));
            Assert.True(saved.X >= 0 && saved.X + saved.Width <= 1024, $"the {role}'s save status reaches {saved.X + saved.Width} px");
            Assert.True(await page.Locator(".save-status").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "the save status is cut off");
            // The minimap stays a small overview in a corner.
            var minimap = await BoxAsync(page.Locator(".minimap"));
            var stage = await BoxAsync(page.Locator(".canvas-stage"));
            Assert.True(minimap.Width * minimap.Height <= 0.05 * stage.Width * stage.Height,
                $"the minimap ({minimap.Width:0}×{minimap.Height:0}) covers over 5 % of the {stage.Width:0}×{stage.Height:0} canvas");
            await ScreenshotAsync(page, $"blazor-room-{role}-1024");
        }

        // The palette and the side column fold away and come back.
        var palette = cal.GetByRole(AriaRole.Button, new() { Name = "Palette", Exact = true });
        var panels = cal.GetByRole(AriaRole.Button, new() { Name = "Panels", Exact = true });
        var before = await StageShareAsync(cal);
        await palette.ClickAsync();
        await Assertions.Expect(palette).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(cal.GetByRole(AriaRole.Navigation, new() { Name = "Components" })).ToBeHiddenAsync();
        await panels.ClickAsync();
        await Assertions.Expect(panels).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(cal.GetByRole(AriaRole.Complementary, new() { Name = "Interview panels" })).ToBeHiddenAsync();
        var folded = await StageShareAsync(cal);
        Assert.True(folded >= 0.9 && folded > before, $"with both folded the drawing area has {folded:P0} of the width (before: {before:P0})");
        await palette.ClickAsync();
        await panels.ClickAsync();
        await Assertions.Expect(palette).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(panels).ToHaveAttributeAsync("aria-expanded", "true");
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Model server", Exact = true }).WaitForAsync();
        await cal.GetByRole(AriaRole.Region, new() { Name = "Video call" }).WaitForAsync();

        // Full screen keeps a compact strip: the step and its clock (the interviewer's controls too) and the call.
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Full screen" }).ClickAsync();
        var timer = ivy.GetByRole(AriaRole.Region, new() { Name = "Interview timer" });
        await Assertions.Expect(timer.GetByText("Step 1 of 7 · Running")).ToBeInViewportAsync();
        await Assertions.Expect(timer.GetByRole(AriaRole.Button, new() { Name = "Next step →" })).ToBeInViewportAsync();
        await Assertions.Expect(ivy.GetByRole(AriaRole.Status, new() { NameRegex = new Regex("^Call: ") })).ToBeInViewportAsync();
        var strip = await BoxAsync(timer);
        var full = await BoxAsync(Canvas(ivy));
        Assert.True(full.Y >= strip.Y + strip.Height, "the full-screen canvas starts below the timer");
        Assert.True(full.Width >= 0.95 * 1024 && full.Y + full.Height >= 768 - 12, $"the full-screen canvas is {full.Width}×{full.Height} at y {full.Y}");
        await ScreenshotAsync(ivy, "blazor-room-fullscreen-1024");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Exit full screen" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Complementary, new() { Name = "Interview panels" }).WaitForAsync();

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task The_chat_tab_counts_the_partners_unread_messages_and_once_ended_the_interviewer_is_led_to_the_scorecard()
    {
        var ivy = await fixture.NewPersonAsync(1280, 800);
        var invite = await CreateInterviewAsync(ivy, "Ivy Chatty Interviewer");
        var cal = await fixture.NewPersonAsync(1280, 800);
        await JoinAsCandidateAsync(cal, "Cal Chatty Candidate", invite);
        Assert.Equal(1, await ivy.Locator("main").CountAsync());
        Assert.Equal(1, await cal.Locator("main").CountAsync());

        await ivy.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await cal.GetByText("Step 1 of 7 · Running").WaitForAsync();
        await Assertions.Expect(Tab(ivy, "Scoring")).ToHaveAttributeAsync("aria-selected", "true");

        // The candidate asks twice while the interviewer scores: her Chat tab counts both.
        await Tab(cal, "Chat").ClickAsync();
        await cal.GetByLabel("Message").FillAsync("What scale should I assume?");
        await cal.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Tab(ivy, "Chat (1 unread)").WaitForAsync();
        await cal.GetByLabel("Message").FillAsync("And the latency budget?");
        await cal.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Tab(ivy, "Chat (2 unread)").WaitForAsync();

        // Opening it clears the count, and the chat is in view beside the canvas, not below the scoring form.
        await Tab(ivy, "Chat (2 unread)").ClickAsync();
        await Assertions.Expect(Tab(ivy, "Chat")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(ivy.GetByText("And the latency budget?")).ToBeInViewportAsync();
        await Assertions.Expect(ivy.GetByLabel("Message")).ToBeInViewportAsync();
        await ScreenshotAsync(ivy, "blazor-room-chat-1280");

        // Her answer while the candidate reads the chat adds nothing there; once he looks at the case, it counts.
        await ivy.GetByLabel("Message").FillAsync("Ten million daily users.");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await cal.GetByText("Ten million daily users.").WaitForAsync();
        await Tab(cal, "Case").ClickAsync();
        await ivy.GetByLabel("Message").FillAsync("100 ms at p99.");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Tab(cal, "Chat (1 unread)").WaitForAsync();
        // Her own messages never count for her.
        Assert.Equal(1, await Tab(ivy, "Chat").CountAsync());
        await Tab(cal, "Chat (1 unread)").ClickAsync();
        await cal.GetByText("100 ms at p99.").WaitForAsync();
        Assert.Equal(1, await Tab(cal, "Chat").CountAsync());

        // Something scored (the server refuses an empty scorecard), then ended: the interviewer's main action is the
        // scorecard; the return match waits as a secondary button.
        await Tab(ivy, "Scoring").ClickAsync();
        await ivy.GetByRole(AriaRole.Radio, new() { Name = "level 3", Exact = false }).First.ClickAsync();
        await SaveStatus(ivy, "All changes saved").WaitForAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Yes, end it" }).ClickAsync();
        var submit = ivy.GetByRole(AriaRole.Button, new() { Name = "Submit the scorecard" });
        var swap = ivy.GetByRole(AriaRole.Button, new() { Name = "Swap roles and go again" });
        await Assertions.Expect(submit).ToHaveClassAsync(new Regex(@"\bprimary\b"));
        await Assertions.Expect(swap).Not.ToHaveClassAsync(new Regex(@"\bprimary\b"));
        await ScreenshotAsync(ivy, "blazor-room-ended-1280");
        await submit.ClickAsync();
        await Assertions.Expect(Tab(ivy, "Scoring")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(ivy.GetByLabel("Target level")).ToBeFocusedAsync();
        await Assertions.Expect(ivy.GetByLabel("Target level")).ToBeInViewportAsync();
        await ivy.GetByLabel("The one most important next step").FillAsync("Size the system before choosing a model");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();

        // Submitted: one banner says the result, and the return match is the main action now.
        await ivy.GetByRole(AriaRole.Link, new() { Name = "View the report" }).WaitForAsync();
        await cal.GetByRole(AriaRole.Link, new() { Name = "View your report" }).WaitForAsync();
        foreach (var page in new[] { ivy, cal })
        {
            Assert.Equal(1, await page.Locator(".broom .alert").CountAsync());
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Swap roles and go again" })).ToHaveClassAsync(new Regex(@"\bprimary\b"));
            var canvas = await BoxAsync(Canvas(page));
            Assert.True(canvas.Height >= 0.55 * 800, $"after the scorecard the canvas is only {canvas.Height} px high");
        }
        Assert.Equal(0, await ivy.GetByRole(AriaRole.Button, new() { Name = "Submit the scorecard" }).CountAsync());
        await ScreenshotAsync(ivy, "blazor-room-submitted-1280");

        var report = await ivy.GetByRole(AriaRole.Link, new() { Name = "View the report" }).GetAttributeAsync("href");
        await ivy.SetViewportSizeAsync(360, 800);
        await ivy.GotoAsync(report!);
        await ivy.GetByText("Size the system before choosing a model").First.WaitForAsync();
        await AssertNoSidewaysScrollAsync(ivy, "the report at 360 px");

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_room_is_stacked_the_canvas_is_viewable_no_page_scrolls_sideways_and_the_menu_reaches_sign_out()
    {
        var ivy = await fixture.NewPersonAsync(390, 844);
        var invite = await CreateInterviewAsync(ivy, "Ivy Phone Interviewer");
        var cal = await fixture.NewPersonAsync(390, 844);
        await JoinAsCandidateAsync(cal, "Cal Phone Candidate", invite);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();

        foreach (var (page, role) in new[] { (ivy, "interviewer"), (cal, "candidate") })
        {
            await AssertNoSidewaysScrollAsync(page, $"the {role}'s room at 390 px");
            // Stacked: the timer, the call, the tabs (case, chat …), then the canvas.
            var timer = await BoxAsync(page.GetByRole(AriaRole.Region, new() { Name = "Interview timer" }));
            var call = await BoxAsync(page.GetByRole(AriaRole.Region, new() { Name = "Video call" }));
            var tabs = await BoxAsync(page.GetByRole(AriaRole.Tablist, new() { Name = "Side panels" }));
            var canvas = await BoxAsync(Canvas(page));
            Assert.True(timer.Y < call.Y && call.Y < tabs.Y && tabs.Y < canvas.Y, $"the {role}'s room is not stacked timer, call, tabs, canvas");
            Assert.True(canvas.Width >= 340, $"the {role}'s canvas is {canvas.Width} px wide");
            var stage = await BoxAsync(page.Locator(".canvas-stage"));
            Assert.True(stage.Width >= 300 && stage.Height >= 250, $"the {role}'s drawing area is {stage.Width}×{stage.Height}");
            await page.GetByText("Drawing needs a wider screen").WaitForAsync();
            await Assertions.Expect(Node(page, "Feature store")).ToBeVisibleAsync();
            // Zooming works from the toolbar, which wraps rather than leaving the screen.
            await page.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
            await Assertions.Expect(page.Locator(".zoom-level")).Not.ToHaveTextAsync("100%");
            await Tab(page, "Chat").ClickAsync();
            await page.GetByLabel("Message").WaitForAsync();
            await AssertNoSidewaysScrollAsync(page, $"the {role}'s room with the chat open at 390 px");
            await ScreenshotAsync(page, $"blazor-room-{role}-390");
            await Canvas(page).ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync(page, $"blazor-room-{role}-390-canvas");
        }

        // The top bar folds into a menu whose button says whether it is open; Sign out is inside.
        var menu = ivy.Locator("header.topbar summary", new() { HasText = "Menu" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        Assert.Equal(0, await ivy.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
        await menu.ClickAsync();
        await Assertions.Expect(ivy.Locator("details.topmenu")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(ivy.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeInViewportAsync();
        await ScreenshotAsync(ivy, "top-bar-menu-390");

        // No page scrolls sideways at 360 px, signed in; the room in both roles too.
        await ivy.SetViewportSizeAsync(360, 800);
        await cal.SetViewportSizeAsync(360, 800);
        var room = ivy.Url;
        await AssertNoSidewaysScrollAsync(ivy, "the interviewer's room at 360 px");
        await AssertNoSidewaysScrollAsync(cal, "the candidate's room at 360 px");
        await ivy.GotoAsync("/cases");
        var caseUrl = await ivy.Locator("main a[href^='/cases/']").First.GetAttributeAsync("href");
        await ivy.GotoAsync("/rubrics");
        var rubricUrl = await ivy.Locator("main a[href*='/v/']").First.GetAttributeAsync("href");
        foreach (var path in new[] { "/", "/sessions", "/sessions/new", "/progress", "/schedule", "/rubrics", "/cases", caseUrl!, rubricUrl! })
        {
            await ivy.GotoAsync(path);
            await Assertions.Expect(ivy.Locator("header.topbar summary")).ToBeVisibleAsync();
            await AssertNoSidewaysScrollAsync(ivy, $"{path} at 360 px");
        }
        foreach (var path in new[] { "/lobby", room })
        {
            await ivy.GotoAsync(path);
            await People.WaitConnectedAsync(ivy);
            await AssertNoSidewaysScrollAsync(ivy, $"{path} at 360 px");
        }

        await ivy.Locator("header.topbar summary").ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await ivy.Locator("header.topbar summary").ClickAsync();
        await ivy.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First.WaitForAsync();

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }
}
