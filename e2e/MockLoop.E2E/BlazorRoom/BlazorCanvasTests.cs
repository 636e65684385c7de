using Microsoft.Playwright;
using MockLoop.E2E.Support;
using static MockLoop.E2E.BlazorRoom.BlazorRoomSteps;

namespace MockLoop.E2E.BlazorRoom;

/// <summary>What the Blazor canvas adds to today's: undo/redo of one's own edits, keyboard moves and adds, resizing.</summary>
[Collection(BlazorRoomCollection.Name)]
public sealed class BlazorCanvasTests(BlazorRoomFixture fixture)
{
    private static ILocator Tool(IPage page, string name) =>
        page.GetByRole(AriaRole.Toolbar, new() { Name = "Canvas tools" }).GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task Undo_takes_back_only_ones_own_changes_for_both_people_and_redo_puts_them_back()
    {
        var ivy = await fixture.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Undo");
        var cal = await fixture.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Undo", invite);
        await Assertions.Expect(Tool(cal, "Undo")).ToBeDisabledAsync();

        // A keyboard add: Tab to the palette button and press Enter.
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).FocusAsync();
        await cal.Keyboard.PressAsync("Enter");
        await Node(ivy, "Feature store").WaitForAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Add Model server", Exact = true }).ClickAsync();
        await Node(cal, "Model server").WaitForAsync();
        var start = await BoxAsync(Node(ivy, "Feature store"));

        // Keyboard move of the selection: Shift+arrow is the bigger step (50), an arrow alone the small one (10).
        await Node(cal, "Feature store").ClickAsync();
        await cal.Keyboard.PressAsync("Shift+ArrowRight");
        await cal.Keyboard.PressAsync("ArrowDown");
        await WaitUntilAsync(async () => await BoxAsync(Node(ivy, "Feature store")) is var b
                                         && Math.Abs(b.X - start.X - 50) < 2 && Math.Abs(b.Y - start.Y - 10) < 2,
            "the peer sees the node moved 50 right and 10 down");

        // Undo, one step at a time: the two moves, then the add. The peer's node is never touched.
        await cal.Keyboard.PressAsync("Control+z");
        await cal.Keyboard.PressAsync("Control+z");
        await WaitUntilAsync(async () => await BoxAsync(Node(ivy, "Feature store")) is var b
                                         && Math.Abs(b.X - start.X) < 2 && Math.Abs(b.Y - start.Y) < 2,
            "the peer sees the node back where it was added");
        await Tool(cal, "Undo").ClickAsync();
        await Assertions.Expect(Node(ivy, "Feature store")).ToHaveCountAsync(0);
        await Assertions.Expect(Node(cal, "Feature store")).ToHaveCountAsync(0);
        await Assertions.Expect(Tool(cal, "Undo")).ToBeDisabledAsync();
        await Node(ivy, "Model server").WaitForAsync();
        await Node(cal, "Model server").WaitForAsync();

        // Redo brings the node back (button, then Ctrl+Y and Ctrl+Shift+Z for the moves), for both.
        await Tool(cal, "Redo").ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();
        await cal.Locator(".diagram-canvas").FocusAsync();
        await cal.Keyboard.PressAsync("Control+y");
        await cal.Keyboard.PressAsync("Control+Shift+Z");
        await WaitUntilAsync(async () => await BoxAsync(Node(ivy, "Feature store")) is var b
                                         && Math.Abs(b.X - start.X - 50) < 2 && Math.Abs(b.Y - start.Y - 10) < 2,
            "the peer sees both moves redone");
        await Assertions.Expect(Tool(cal, "Redo")).ToBeDisabledAsync();
        await SaveStatus(cal, "All changes saved").WaitForAsync();

        // What is undone is saved like any edit: a reload shows the same diagram.
        await ivy.ReloadAsync();
        await People.WaitConnectedAsync(ivy);
        await Node(ivy, "Feature store").WaitForAsync();
        Assert.Equal(1, await Node(ivy, "Feature store").CountAsync());

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task A_selected_node_resized_by_its_corner_has_the_new_size_for_the_peer_and_undo_restores_it()
    {
        var ivy = await fixture.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Resize");
        var cal = await fixture.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Resize", invite);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();
        var before = await BoxAsync(Node(ivy, "Feature store"));

        await Node(cal, "Feature store").ClickAsync();
        var corner = await BoxAsync(cal.Locator(".bd-resize"));
        await cal.Mouse.MoveAsync((float)(corner.X + corner.Width / 2), (float)(corner.Y + corner.Height / 2));
        await cal.Mouse.DownAsync();
        await cal.Mouse.MoveAsync((float)(corner.X + corner.Width / 2 + 80), (float)(corner.Y + corner.Height / 2 + 40), new() { Steps = 6 });
        await cal.Mouse.UpAsync();

        await WaitUntilAsync(async () => await BoxAsync(Node(ivy, "Feature store")) is var b
                                         && Math.Abs(b.Width - before.Width - 80) < 3 && Math.Abs(b.Height - before.Height - 40) < 3,
            "the peer sees the node 80 wider and 40 taller");
        var moved = await BoxAsync(Node(ivy, "Feature store"));
        Assert.Equal((before.X, before.Y), (moved.X, moved.Y));

        await Tool(cal, "Undo").ClickAsync();
        await WaitUntilAsync(async () => await BoxAsync(Node(ivy, "Feature store")) is var b
                                         && Math.Abs(b.Width - before.Width) < 1 && Math.Abs(b.Height - before.Height) < 1,
            "the peer sees the original size again");

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task The_toolbar_draws_its_icons_without_fonts_and_the_help_lists_the_shortcuts()
    {
        var ivy = await fixture.NewPersonAsync();
        await CreateInterviewAsync(ivy, "Ivy Tools");
        var toolbar = ivy.GetByRole(AriaRole.Toolbar, new() { Name = "Canvas tools" });
        var buttons = toolbar.GetByRole(AriaRole.Button);
        Assert.True(await buttons.CountAsync() >= 10);
        // The zoom level is the one button that is its own text ("100%"), as React Flow's was.
        await Assertions.Expect(toolbar.GetByRole(AriaRole.Button, new() { Name = "Zoom 100%, reset to 100%" })).ToHaveTextAsync("100%");
        foreach (var button in await toolbar.Locator("button:not(.zoom-level)").AllAsync())
        {
            // Every icon is an inline SVG; any text is plain letters (nothing that needs a symbol font).
            Assert.Equal(1, await button.Locator("svg").CountAsync());
            Assert.Matches("^[A-Za-z ]*$", (await button.InnerTextAsync()).Trim());
        }

        await Tool(ivy, "Keyboard shortcuts").ClickAsync();
        var help = ivy.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await ScreenshotAsync(ivy, "blazor-canvas-shortcuts");
        foreach (var shortcut in new[] { "Ctrl+Z", "Ctrl+Shift+Z or Ctrl+Y", "Arrow keys on the selection (Shift: bigger steps)", "Delete or Backspace", "Shift+1" })
        {
            await help.GetByText(shortcut, new() { Exact = true }).WaitForAsync();
        }
        await help.GetByRole(AriaRole.Button, new() { Name = "Close shortcuts" }).ClickAsync();
        await Assertions.Expect(help).ToHaveCountAsync(0);
        await ivy.Context.CloseAsync();
    }
}
