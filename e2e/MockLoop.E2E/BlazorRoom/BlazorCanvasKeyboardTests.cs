using Microsoft.Playwright;
using MockLoop.E2E.Support;
using static MockLoop.E2E.BlazorRoom.BlazorRoomSteps;

namespace MockLoop.E2E.BlazorRoom;

/// <summary>
/// The canvas with the keyboard alone (issue 20 item 2): a whole design drawn by keys, each change seen on the
/// partner's canvas and said in the partner's polite live region, never in one's own.
/// </summary>
[Collection(BlazorRoomCollection.Name)]
public sealed class BlazorCanvasKeyboardTests(BlazorRoomFixture fixture)
{
    private static ILocator PartnerChanges(IPage page) =>
        page.GetByRole(AriaRole.Status, new() { Name = "Your partner's changes", Exact = true });

    private static ILocator FocusedNode(IPage page) => page.Locator(".diagram-canvas [role=group]:focus");

    /// <summary>A palette button reached and pressed from the keyboard: the new node is selected and has focus.</summary>
    private static async Task AddByKeyboardAsync(IPage page, string component)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add " + component, Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Node(page, component)).ToBeFocusedAsync();
        await Assertions.Expect(Node(page, component)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bselected\b"));
    }

    [Fact]
    public async Task A_whole_design_is_drawn_with_the_keyboard_alone_and_the_partner_sees_and_hears_each_change()
    {
        var ivy = await fixture.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Keys");
        var cal = await fixture.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Keys", invite);

        // The skip link shows when focused and takes focus to the drawing, from where Tab reaches the nodes.
        var skip = cal.GetByRole(AriaRole.Link, new() { Name = "Skip to the canvas", Exact = true });
        await skip.FocusAsync();
        await Assertions.Expect(skip).ToBeVisibleAsync();
        await cal.Keyboard.PressAsync("Enter");
        await Assertions.Expect(cal.GetByRole(AriaRole.Group, new() { Name = "Diagram", Exact = true })).ToBeFocusedAsync();

        // Add three components from the palette.
        foreach (var component in new[] { "Feature store", "Model server", "Vector database" })
        {
            await AddByKeyboardAsync(cal, component);
            await Node(ivy, component).WaitForAsync();
            await Assertions.Expect(PartnerChanges(ivy)).ToContainTextAsync($"Cal Keys added {component}");
        }

        // Move the selected one with Shift+arrow: the partner sees it go down by the big step.
        var before = await BoxAsync(Node(ivy, "Vector database"));
        await cal.Keyboard.PressAsync("Shift+ArrowDown");
        await WaitUntilAsync(async () => (await BoxAsync(Node(ivy, "Vector database"))).Y > before.Y + 20, "the partner sees the node moved down");
        await Assertions.Expect(PartnerChanges(ivy)).ToContainTextAsync("Cal Keys moved Vector database");

        // Link it: L offers the nearest node, Enter links to it.
        await cal.Keyboard.PressAsync("l");
        await Assertions.Expect(cal.GetByRole(AriaRole.Status).Filter(new() { HasText = "arrow keys choose the target" })).ToHaveCountAsync(1);
        var target = await FocusedNode(cal).GetAttributeAsync("aria-label");
        Assert.Contains(target, new[] { "Feature store", "Model server" });
        await cal.Keyboard.PressAsync("Enter");
        await Assertions.Expect(ivy.Locator(".diagram-link")).ToHaveCountAsync(1);
        await Assertions.Expect(PartnerChanges(ivy)).ToContainTextAsync($"Cal Keys linked Vector database to {target}");

        // Rename the link's target: Enter selects the focused node, Enter again opens its name, Enter keeps it, and
        // focus comes back to the node.
        await cal.Keyboard.PressAsync("Enter");
        await cal.Keyboard.PressAsync("Enter");
        var editor = cal.GetByRole(AriaRole.Textbox, new() { Name = $"Name of this {target}", Exact = true });
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await cal.Keyboard.PressAsync("Control+A");
        await cal.Keyboard.TypeAsync("Ranker");
        await cal.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Node(cal, "Ranker")).ToBeFocusedAsync();
        await Node(ivy, "Ranker").WaitForAsync();
        await Assertions.Expect(PartnerChanges(ivy)).ToContainTextAsync($"Cal Keys renamed {target} to Ranker");
        // The selection bar shows the new name, so its Rename button has nothing to put back.
        await Assertions.Expect(cal.GetByLabel("Label", new() { Exact = true })).ToHaveValueAsync("Ranker");

        // Delete it: it goes for both (its link with it), and focus moves to a node still there, not to the page's top.
        await cal.Keyboard.PressAsync("Delete");
        await Assertions.Expect(Node(ivy, "Ranker")).ToHaveCountAsync(0);
        await Assertions.Expect(ivy.Locator(".diagram-link")).ToHaveCountAsync(0);
        await Assertions.Expect(PartnerChanges(ivy)).ToContainTextAsync("Cal Keys deleted Ranker");
        await Assertions.Expect(FocusedNode(cal)).ToHaveCountAsync(1);
        Assert.Equal(2, await Node(ivy, "Vector database").Or(Node(ivy, "Feature store")).Or(Node(ivy, "Model server")).CountAsync());

        // One's own changes are never announced to oneself.
        await Assertions.Expect(PartnerChanges(cal)).ToHaveTextAsync("");

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }
}
