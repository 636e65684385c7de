using Microsoft.Playwright;
using MockLoop.E2E.Support;
using static MockLoop.E2E.BlazorRoom.BlazorRoomSteps;

namespace MockLoop.E2E.BlazorRoom;

/// <summary>
/// The React canvas's gestures on the Blazor canvas: drag-to-link from a node's handle, rename by double-click, the
/// partner's name on what they drag, and a zone carrying its nodes while it is dragged (not only at the drop).
/// </summary>
[Collection(BlazorRoomCollection.Name)]
public sealed class BlazorCanvasGestureTests(BlazorRoomFixture fixture)
{
    /// <summary>The name tag on what the partner (Cal Zones) is moving.</summary>
    private static ILocator PeerTag(IPage page) => page.Locator("[aria-label='Cal Zones is moving this']");

    private static async Task<(double X, double Y)> CentreAsync(ILocator locator)
    {
        var box = await BoxAsync(locator);
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    [Fact]
    public async Task Dragging_from_a_nodes_handle_to_another_links_them_and_a_double_click_renames_in_place_for_both()
    {
        var ivy = await fixture.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Gestures");
        var cal = await fixture.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Gestures", invite);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Model server", Exact = true }).ClickAsync();
        await Node(ivy, "Model server").WaitForAsync();

        // The handle shows on hover; a drag from it to the other node is one directed link.
        await Node(cal, "Feature store").HoverAsync();
        var handle = Node(cal, "Feature store").GetByTitle("Drag to link to another node").First;
        var from = await CentreAsync(handle);
        var to = await CentreAsync(Node(cal, "Model server"));
        await cal.Mouse.MoveAsync((float)from.X, (float)from.Y);
        await cal.Mouse.DownAsync();
        await cal.Mouse.MoveAsync((float)to.X, (float)to.Y, new() { Steps = 8 });
        await cal.Mouse.UpAsync();
        await ivy.Locator(".diagram-link").First.WaitForAsync();
        Assert.Equal(1, await cal.Locator(".diagram-link").CountAsync());
        await SaveStatus(cal, "All changes saved").WaitForAsync();

        // Double-click, type, Enter: renamed for both; the type still shows under the new name.
        await Node(cal, "Model server").DblClickAsync();
        var editor = cal.GetByRole(AriaRole.Textbox, new() { Name = "Name of this Model server", Exact = true });
        await editor.FillAsync("Ranking service");
        await editor.PressAsync("Enter");
        await Node(ivy, "Ranking service").WaitForAsync();
        await Assertions.Expect(Node(ivy, "Ranking service")).ToContainTextAsync("Model server");
        await Assertions.Expect(editor).ToHaveCountAsync(0);

        // The link survives the rename and a reload (it was stored).
        await ivy.ReloadAsync();
        await People.WaitConnectedAsync(ivy);
        await Node(ivy, "Ranking service").WaitForAsync();
        await Assertions.Expect(ivy.Locator(".diagram-link")).ToHaveCountAsync(1);

        // Shift+drag on the background draws a box that selects both nodes; one delete takes them (and the link).
        var a = await BoxAsync(Node(cal, "Feature store"));
        var b = await BoxAsync(Node(cal, "Ranking service"));
        var (left, top) = (Math.Min(a.X, b.X) - 30, Math.Min(a.Y, b.Y) - 30);
        var (right, bottom) = (Math.Max(a.X + a.Width, b.X + b.Width) + 30, Math.Max(a.Y + a.Height, b.Y + b.Height) + 30);
        await cal.Keyboard.DownAsync("Shift");
        await cal.Mouse.MoveAsync((float)left, (float)top);
        await cal.Mouse.DownAsync();
        await cal.Mouse.MoveAsync((float)right, (float)bottom, new() { Steps = 8 });
        await cal.Mouse.UpAsync();
        await cal.Keyboard.UpAsync("Shift");
        var deleteBoth = cal.GetByRole(AriaRole.Toolbar, new() { Name = "Canvas tools" })
            .GetByRole(AriaRole.Button, new() { Name = "Delete 2 selected", Exact = true });
        await deleteBoth.ClickAsync();
        await Assertions.Expect(Node(ivy, "Feature store")).ToHaveCountAsync(0);
        await Assertions.Expect(Node(ivy, "Ranking service")).ToHaveCountAsync(0);
        await Assertions.Expect(ivy.Locator(".diagram-link")).ToHaveCountAsync(0);

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }

    [Fact]
    public async Task A_zone_carries_its_nodes_while_dragged_and_the_partner_sees_it_move_with_the_draggers_name()
    {
        var ivy = await fixture.NewPersonAsync();
        var invite = await CreateInterviewAsync(ivy, "Ivy Zones");
        var cal = await fixture.NewPersonAsync();
        await JoinAsCandidateAsync(cal, "Cal Zones", invite);

        // A new zone opens its name for typing; Escape keeps "Zone". A node added in its middle joins it.
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Zone", Exact = true }).ClickAsync();
        var zoneName = cal.GetByRole(AriaRole.Textbox, new() { Name = "Zone name", Exact = true });
        await zoneName.PressAsync("Escape");
        await cal.GetByRole(AriaRole.Button, new() { Name = "Add Feature store", Exact = true }).ClickAsync();
        await Node(ivy, "Feature store").WaitForAsync();
        await SaveStatus(cal, "All changes saved").WaitForAsync();

        var zone = Node(cal, "Zone: Zone");
        var start = await BoxAsync(zone);
        var ivyStart = await BoxAsync(Node(ivy, "Zone: Zone"));
        var member = await BoxAsync(Node(cal, "Feature store"));
        var grab = await CentreAsync(zone.Locator(".bd-zone-label"));
        await cal.Mouse.MoveAsync((float)grab.X, (float)grab.Y);
        await cal.Mouse.DownAsync();
        await cal.Mouse.MoveAsync((float)(grab.X + 120), (float)(grab.Y + 80), new() { Steps = 10 });

        // Still holding the button: the node rides along on the dragger's screen, at its place in the zone.
        var zoneNow = await BoxAsync(zone);
        var memberNow = await BoxAsync(Node(cal, "Feature store"));
        Assert.True(zoneNow.X - start.X > 60, $"the zone moved by {zoneNow.X - start.X}");
        Assert.True(Math.Abs(memberNow.X - zoneNow.X - (member.X - start.X)) < 3 && Math.Abs(memberNow.Y - zoneNow.Y - (member.Y - start.Y)) < 3,
            "the node keeps its place in the zone during the drag");

        // The partner sees the zone and its node move, tagged with the dragger's name. Each small move sends a preview,
        // so the check holds while the drag goes on.
        var wiggle = 0;
        await WaitUntilAsync(async () =>
        {
            wiggle = 1 - wiggle;
            await cal.Mouse.MoveAsync((float)(grab.X + 120 + wiggle), (float)(grab.Y + 80));
            var z = await BoxAsync(Node(ivy, "Zone: Zone"));
            var n = await BoxAsync(Node(ivy, "Feature store"));
            return await PeerTag(ivy).CountAsync() > 0
                   && z.X - ivyStart.X > 60
                   && Math.Abs(n.X - z.X - (member.X - start.X)) < 3;
        }, "the partner sees the zone carry its node, with Cal's name on it");

        await cal.Mouse.UpAsync();
        await SaveStatus(cal, "All changes saved").WaitForAsync();
        await Assertions.Expect(PeerTag(ivy)).ToHaveCountAsync(0);
        // The drop is one op for the zone and one for each member, stored and sent one after the other: the partner
        // may draw the zone's before its node's arrives, so wait for both (the drag preview ending says neither).
        await WaitUntilAsync(async () =>
        {
            var z = await BoxAsync(Node(ivy, "Zone: Zone"));
            var n = await BoxAsync(Node(ivy, "Feature store"));
            return z.X - ivyStart.X > 60 && Math.Abs(n.X - z.X - (member.X - start.X)) < 3 && Math.Abs(n.Y - z.Y - (member.Y - start.Y)) < 3;
        }, "the dropped zone keeps its node in place for the partner");

        // Not dragging any more, the pointer itself goes to the partner, with the name.
        await WaitUntilAsync(async () =>
        {
            wiggle = 1 - wiggle;
            await cal.Mouse.MoveAsync((float)(grab.X + 300 + wiggle), (float)(grab.Y + 40));
            return await ivy.Locator("[aria-label=\"Cal Zones's pointer\"]").CountAsync() > 0;
        }, "the partner sees Cal's pointer with the name");

        await ivy.Context.CloseAsync();
        await cal.Context.CloseAsync();
    }
}
