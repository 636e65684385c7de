using Microsoft.Playwright;
using MockLoop.E2E.Support;
using static MockLoop.E2E.BlazorRoom.BlazorRoomSteps;

namespace MockLoop.E2E.BlazorRoom;

/// <summary>The Blazor room (Room:Client=blazor), in two real browsers against the real hub and PostgreSQL.</summary>
[Collection(BlazorRoomCollection.Name)]
public sealed class BlazorRoomTests(BlazorRoomFixture fixture)
{
    [Fact]
    public async Task Two_people_meet_and_four_palette_clicks_lay_four_nodes_side_by_side_that_both_see_and_a_reload_restores()
    {
        var ivy = await fixture.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Blazor");
        var cal = await fixture.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Blazor", invite);

        await cal.GetByRole(AriaRole.Listitem, new() { Name = "Ivy Blazor, interviewer, online" }).WaitForAsync();
        await ivy.GetByRole(AriaRole.Listitem, new() { Name = "Cal Blazor, candidate, online" }).WaitForAsync();

        var labels = new[] { "Feature store", "Model server", "Ranking model", "Search index" };
        foreach (var label in labels)
        {
            await cal.GetByRole(AriaRole.Button, new() { Name = "Add " + label, Exact = true }).ClickAsync();
        }
        foreach (var label in labels)
        {
            await Node(cal, label).WaitForAsync();
            await Node(ivy, label).WaitForAsync();
        }
        await SaveStatus(cal, "All changes saved").WaitForAsync();
        // No chat yet, so nothing earlier to offer.
        Assert.Equal(0, await cal.GetByRole(AriaRole.Button, new() { Name = "Show earlier messages" }).CountAsync());
        await ScreenshotAsync(cal, "room-candidate");
        await ScreenshotAsync(ivy, "room-interviewer");

        // Free space: no two of the four overlap on screen, and all are in the visible canvas.
        var boxes = new List<(double X, double Y, double Width, double Height)>();
        foreach (var label in labels)
        {
            boxes.Add(await BoxAsync(Node(cal, label)));
        }
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                Assert.False(overlap, $"{labels[i]} {a} overlaps {labels[j]} {b}");
            }
        }
        var stage = await BoxAsync(cal.Locator(".diagram-canvas"));
        Assert.All(boxes, b => Assert.True(b.X >= stage.X && b.Y >= stage.Y && b.X + b.Width <= stage.X + stage.Width
                                           && b.Y + b.Height <= stage.Y + stage.Height, $"{b} is outside the canvas {stage}"));

        await cal.ReloadAsync();
        await People.WaitConnectedAsync(cal);
        foreach (var label in labels)
        {
            await Node(cal, label).WaitForAsync();
        }
        Assert.Equal(1, await Node(cal, "Feature store").CountAsync());

        var png = await ivy.RunAndWaitForDownloadAsync(() => ivy.GetByRole(AriaRole.Button, new() { Name = "Export as PNG" }).ClickAsync());
        Assert.EndsWith(".png", png.SuggestedFilename);
        var pngBytes = await File.ReadAllBytesAsync((await png.PathAsync())!);
        Assert.True(pngBytes.Length > 1000, $"The PNG has only {pngBytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, pngBytes[..4]);
        var svg = await ivy.RunAndWaitForDownloadAsync(() => ivy.GetByRole(AriaRole.Button, new() { Name = "Export as SVG" }).ClickAsync());
        var svgText = await File.ReadAllTextAsync((await svg.PathAsync())!);
        Assert.StartsWith("<svg", svgText);
        Assert.All(labels, label => Assert.Contains(label, svgText));

        await ivy.Context.CloseAsync();
        await cal.GetByRole(AriaRole.Listitem, new() { Name = "Ivy Blazor, interviewer, offline" }).WaitForAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task A_node_dragged_renamed_linked_and_deleted_by_one_person_changes_the_same_way_for_the_other()
    {
        var ivy = await fixture.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Edits");
        var cal = await fixture.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Edits", invite);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Model server", Exact = true }).ClickAsync();
        await Node(ivy, "Model server").WaitForAsync();

        // Drag: the peer sees the node where it was dropped.
        var before = await BoxAsync(Node(ivy, "Feature store"));
        var grab = await BoxAsync(Node(cal, "Feature store"));
        await cal.Mouse.MoveAsync((float)(grab.X + grab.Width / 2), (float)(grab.Y + grab.Height / 2));
        await cal.Mouse.DownAsync();
        await cal.Mouse.MoveAsync((float)(grab.X + grab.Width / 2), (float)(grab.Y + grab.Height / 2 + 160), new() { Steps = 8 });
        await cal.Mouse.UpAsync();
        await SaveStatus(cal, "All changes saved").WaitForAsync();
        await WaitUntilAsync(async () => (await BoxAsync(Node(ivy, "Feature store"))).Y - before.Y is > 140 and < 180,
            "the peer sees the node moved down by the drag");

        // Rename the selected node.
        await cal.GetByLabel("Label", new() { Exact = true }).FillAsync("Online features");
        await cal.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Node(ivy, "Online features").WaitForAsync();

        // Link two selected nodes: the first picked is the source.
        await Node(cal, "Model server").ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        await cal.GetByRole(AriaRole.Button, new() { Name = "Link Online features → Model server" }).ClickAsync();
        await ivy.Locator(".diagram-link").First.WaitForAsync();

        // Delete one node: its link goes with it, for both. (A click on the background ends the multi-selection.)
        await cal.Locator(".diagram-canvas").ClickAsync(new() { Position = new() { X = 20, Y = 20 } });
        await Node(cal, "Model server").ClickAsync();
        await cal.GetByRole(AriaRole.Group, new() { Name = "Selection" }).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(Node(ivy, "Model server")).ToHaveCountAsync(0);
        await Assertions.Expect(ivy.Locator(".diagram-link")).ToHaveCountAsync(0);
        await Node(ivy, "Online features").WaitForAsync();

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task The_interviewer_runs_the_timer_and_scores_the_current_step_beside_the_canvas_while_the_candidate_sees_no_scores()
    {
        var ivy = await fixture.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Scores");
        var cal = await fixture.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Scored", invite);

        await ivy.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await cal.GetByText("Step 1 of 7 · Running").WaitForAsync();
        var objective = ivy.GetByRole(AriaRole.Radio, new() { Name = "Objective, success measure and scope: level 3", Exact = false });
        await objective.ClickAsync();
        await Assertions.Expect(objective).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(ivy.GetByLabel("Step score")).Not.ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^—"));
        Assert.Equal(0, await cal.GetByRole(AriaRole.Region, new() { Name = "Scoring" }).CountAsync());
        Assert.Equal(0, await cal.GetByRole(AriaRole.Tab, new() { Name = "Scoring" }).CountAsync());

        await ivy.GetByRole(AriaRole.Button, new() { Name = "Next step →" }).ClickAsync();
        await cal.GetByText("Step 2 of 7 · Running").WaitForAsync();
        await ivy.GetByRole(AriaRole.Region, new() { Name = "Scoring" }).GetByText("Score · Frame as an ML task").WaitForAsync();

        await ivy.GetByRole(AriaRole.Button, new() { Name = "End interview" }).ClickAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Yes, end it" }).ClickAsync();
        await cal.GetByText("This interview has ended.", new() { Exact = false }).WaitForAsync();
        // Read-only once ended: no palette, and the canvas says so.
        await cal.GetByText("Read-only: the interview has ended.").WaitForAsync();
        Assert.Equal(0, await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store" }).CountAsync());

        await cal.GetByRole(AriaRole.Region, new() { Name = "Self-assessment" }).GetByText("Evaluation", new() { Exact = true }).ClickAsync();
        await cal.GetByRole(AriaRole.Radio, new() { Name = "Offline metrics and protocol: level 3", Exact = false }).ClickAsync();
        await cal.GetByText("1 of 17 rated · optional").WaitForAsync();

        await ivy.GetByLabel("Target level").SelectOptionAsync("Mid");
        await ivy.GetByLabel("Strengths").FillAsync("Clear requirements");
        await ivy.GetByLabel("The one most important next step").FillAsync("Practise ranking metrics");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Submit scorecard" }).ClickAsync();
        var report = await cal.GetByRole(AriaRole.Link, new() { Name = "View your report" }).GetAttributeAsync("href");

        // The return match: the interviewer swaps roles, and the candidate is offered the same new room.
        var firstRoom = ivy.Url;
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Swap roles and go again" }).ClickAsync();
        await ivy.WaitForURLAsync(url => url != firstRoom && System.Text.RegularExpressions.Regex.IsMatch(url, "/s/[0-9a-f-]{36}$"));
        await People.WaitConnectedAsync(ivy);
        await ivy.GetByRole(AriaRole.Listitem, new() { Name = "Ivy Scores (you), candidate, online" }).WaitForAsync();
        await cal.GetByRole(AriaRole.Link, new() { Name = "Join the return match (Ivy Scores started it)" }).ClickAsync();
        await cal.WaitForURLAsync(ivy.Url);
        await People.WaitConnectedAsync(cal);
        await cal.GetByRole(AriaRole.Listitem, new() { Name = "Cal Scored (you), interviewer, online" }).WaitForAsync();
        await ivy.GetByRole(AriaRole.Listitem, new() { Name = "Cal Scored, interviewer, online" }).WaitForAsync();

        // The first interview's report stays the candidate's.
        await cal.GotoAsync(report!);
        await cal.GetByText("Practise ranking metrics").WaitForAsync();

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task At_1440_by_900_the_canvas_takes_most_of_the_width_and_the_height_below_the_timer_without_page_scroll()
    {
        var ivy = await fixture.NewPersonAsync(1440, 900);
        await CreateInterviewAsync(ivy, "Ivy Layout");
        var canvas = await BoxAsync(ivy.GetByRole(AriaRole.Region, new() { Name = "Architecture canvas" }));
        var timer = await BoxAsync(ivy.GetByRole(AriaRole.Region, new() { Name = "Interview timer" }));
        var side = await BoxAsync(ivy.GetByRole(AriaRole.Complementary, new() { Name = "Interview panels" }));

        Assert.True(canvas.Width >= 0.6 * 1440, $"the canvas is {canvas.Width}px wide");
        Assert.True(canvas.Y >= timer.Y + timer.Height, "the canvas starts below the timer");
        Assert.True(canvas.Y + canvas.Height <= 900 && canvas.Y + canvas.Height >= 900 - 24, $"the canvas ends at {canvas.Y + canvas.Height}px");
        Assert.True(side.X >= canvas.X + canvas.Width, "case, notes, chat and scoring sit beside the canvas");
        var scrolls = await ivy.EvaluateAsync<bool>("document.scrollingElement.scrollHeight > window.innerHeight");
        Assert.False(scrolls, "the page scrolls");

        // The interviewer's tabs: scoring, case, notes and chat, without leaving the canvas; the call stays in view
        // whichever tab is open.
        foreach (var tab in new[] { "Scoring", "Case", "Notes", "Chat" })
        {
            await ivy.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            Assert.Equal("true", await ivy.GetByRole(AriaRole.Tab, new() { Name = tab }).GetAttributeAsync("aria-selected"));
            await ivy.GetByRole(AriaRole.Region, new() { Name = "Video call" }).WaitForAsync();
        }
        await ivy.GetByLabel("Message").WaitForAsync();
        // Full screen: the canvas takes the window below a compact strip with the timer and the call's state.
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Full screen" }).ClickAsync();
        var full = await BoxAsync(ivy.GetByRole(AriaRole.Region, new() { Name = "Architecture canvas" }));
        var strip = await BoxAsync(ivy.GetByRole(AriaRole.Region, new() { Name = "Interview timer" }));
        Assert.True(strip.Y >= 0 && full.Y >= strip.Y + strip.Height && full.Y <= 80, $"the full-screen canvas starts at {full.Y} px");
        Assert.True(full.Width >= 1440 - 12 && full.Y + full.Height >= 900 - 12, $"the full-screen canvas is {full.Width}×{full.Height}");
        await ivy.Context.CloseAsync();
    }

    [Fact]
    public async Task Changes_made_while_the_server_is_down_are_shown_as_unsaved_and_saved_once_it_is_back()
    {
        var ivy = await fixture.NewPersonAsync();
        await CreateInterviewAsync(ivy, "Ivy Outage");
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();
        await SaveStatus(ivy, "All changes saved").WaitForAsync();

        await fixture.App.StopAsync();
        try
        {
            await ivy.GetByRole(AriaRole.Status, new() { Name = "Connection: Reconnecting…" }).WaitForAsync();
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Add Model server", Exact = true }).ClickAsync();
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Add Ranking model", Exact = true }).ClickAsync();
            // Drawn at once, and honestly marked as not saved.
            await Node(ivy, "Model server").WaitForAsync();
            await SaveStatus(ivy, "2 changes not saved yet").WaitForAsync();
        }
        finally
        {
            await fixture.App.StartAsync();
        }

        await People.WaitConnectedAsync(ivy);
        await SaveStatus(ivy, "All changes saved").WaitForAsync(new() { Timeout = 60_000 });
        await ivy.ReloadAsync();
        await People.WaitConnectedAsync(ivy);
        foreach (var label in new[] { "Feature store", "Model server", "Ranking model" })
        {
            await Node(ivy, label).WaitForAsync();
        }
        await ivy.Context.CloseAsync();
    }

    [Fact]
    public async Task A_sign_in_that_lapsed_while_the_room_was_away_says_so_and_signing_in_again_brings_the_person_back()
    {
        var ivy = await fixture.NewPersonAsync();
        var email = await People.RegisterAsync(ivy, "Ivy Lapsed");
        await ivy.GotoAsync("/sessions/new");
        await ivy.GetByLabel("Interviewer").CheckAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
        await People.WaitConnectedAsync(ivy);
        var room = new Uri(ivy.Url).AbsolutePath;

        // The sign-in cookie goes (as when it expires) while the connection is up; the hub checks it only when the
        // room connects again, here after a server restart.
        await ivy.Context.ClearCookiesAsync();
        await fixture.App.StopAsync();
        try
        {
            await ivy.GetByRole(AriaRole.Status, new() { Name = "Connection: Reconnecting…" }).WaitForAsync();
        }
        finally
        {
            await fixture.App.StartAsync();
        }

        await ivy.GetByRole(AriaRole.Status, new() { Name = "Connection: Signed out" }).WaitForAsync(new() { Timeout = 60_000 });
        var alert = ivy.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Your sign-in has expired." });
        await alert.WaitForAsync();
        Assert.Equal(0, await ivy.GetByText("You cannot join this interview").CountAsync());

        await alert.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        await ivy.GetByLabel("Email").FillAsync(email);
        await ivy.GetByLabel("Password").FillAsync(People.Password);
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ivy.WaitForURLAsync(url => new Uri(url).AbsolutePath == room);
        await People.WaitConnectedAsync(ivy);
        await ivy.Context.CloseAsync();
    }
}
