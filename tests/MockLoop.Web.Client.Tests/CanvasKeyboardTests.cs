using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Web;
using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas;

namespace MockLoop.Web.Client.Tests;

/// <summary>
/// The canvas from the keyboard alone: the nodes' tab stop, arrows between nodes, selecting, moving, renaming, linking
/// and deleting with keys, and where focus goes after each; the selection bar after an in-place rename.
/// </summary>
public class CanvasKeyboardTests : CanvasTestContext
{
    private static readonly DiagramSize Size = new(168, 56);

    /// <summary>Feature store at the left, Ranker to its right, Cache below the first.</summary>
    private void ThreeNodes() => document = DiagramDocument.Empty
        .Apply(new AddNodeOp("op_a", new DiagramNode("n_a", "feature-store", "Feature store", 100, 100, Size.Width, Size.Height)))
        .Apply(new AddNodeOp("op_b", new DiagramNode("n_b", "feature-store", "Ranker", 400, 110, Size.Width, Size.Height)))
        .Apply(new AddNodeOp("op_c", new DiagramNode("n_c", "feature-store", "Cache", 110, 300, Size.Width, Size.Height)));

    private static IElement Node(IRenderedComponent<RoomCanvas> cut, string label) =>
        cut.Find($".diagram-canvas [role=group][aria-label='{label}']");

    private static void Press(IRenderedComponent<RoomCanvas> cut, string label, string key, bool shift = false) =>
        Node(cut, label).KeyDown(new KeyboardEventArgs { Key = key, ShiftKey = shift });

    private static string[] TabStops(IRenderedComponent<RoomCanvas> cut) =>
        [.. cut.FindAll(".diagram-canvas [role=group][tabindex='0']").Select(e => e.GetAttribute("aria-label") ?? "")];

    private static bool IsSelected(IRenderedComponent<RoomCanvas> cut, string label) => Node(cut, label).ClassList.Contains("selected");

    [Fact]
    public void Exactly_one_node_is_in_the_tab_order_and_it_follows_focus()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Assert.Equal(["Feature store"], TabStops(cut));

        Node(cut, "Cache").Focus();

        Assert.Equal(["Cache"], TabStops(cut));
        Assert.Equal("-1", Node(cut, "Feature store").GetAttribute("tabindex"));
    }

    [Fact]
    public void Arrow_keys_on_an_unselected_node_go_to_the_nearest_node_that_way_without_moving_anything()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Feature store").Focus();

        Press(cut, "Feature store", "ArrowRight");
        Assert.Equal(["Ranker"], TabStops(cut));
        Press(cut, "Ranker", "ArrowLeft");
        Press(cut, "Feature store", "ArrowDown");
        Assert.Equal(["Cache"], TabStops(cut));
        // Nothing lies below Cache: focus stays.
        Press(cut, "Cache", "ArrowDown");
        Assert.Equal(["Cache"], TabStops(cut));

        Assert.Empty(ops);
        Assert.NotEmpty(JSInterop.VerifyFocusAsyncInvoke(calledTimes: 3));
    }

    [Fact]
    public void Enter_selects_the_focused_node_and_then_the_arrow_keys_move_it_with_shift_for_the_bigger_step()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Ranker").Focus();

        Press(cut, "Ranker", "Enter");
        Assert.True(IsSelected(cut, "Ranker"));
        Assert.Equal("canvas-hint-selected", Node(cut, "Ranker").GetAttribute("aria-describedby"));

        Press(cut, "Ranker", "ArrowRight");
        Press(cut, "Ranker", "ArrowDown", shift: true);

        var ranker = document.FindNode("n_b")!;
        Assert.Equal((410d, 160d), (ranker.X, ranker.Y));
        Assert.All(ops, op => Assert.Equal("n_b", Assert.IsType<UpdateNodeOp>(op).NodeId));
    }

    [Fact]
    public void Space_selects_the_focused_node_and_Escape_lets_the_arrows_go_between_nodes_again()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Feature store").Focus();

        Press(cut, "Feature store", " ");
        Assert.True(IsSelected(cut, "Feature store"));
        Press(cut, "Feature store", "Escape");
        Assert.False(IsSelected(cut, "Feature store"));
        Press(cut, "Feature store", "ArrowRight");

        Assert.Equal(["Ranker"], TabStops(cut));
        Assert.Empty(ops);
    }

    [Fact]
    public void Enter_on_the_selected_node_renames_it_in_place_and_focus_comes_back_to_the_node()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Ranker").Focus();
        Press(cut, "Ranker", "Enter");

        Press(cut, "Ranker", "Enter");
        var editor = cut.Find("input[aria-label='Name of this Feature store']");
        editor.Input("Two-tower ranker");
        editor.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("Two-tower ranker", Assert.IsType<UpdateNodeOp>(Assert.Single(ops)).Label);
        Assert.Empty(cut.FindAll("input[aria-label='Name of this Feature store']"));
        Assert.Equal(["Two-tower ranker"], TabStops(cut));
        // The editor took focus, then the node took it back (not the top of the page).
        var focusCalls = JSInterop.Invocations.Select(i => i.Identifier).Where(i => i.Contains("focus", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal("mockloopRoom.focusAndSelect", focusCalls[^2]);
        Assert.Equal("Blazor._internal.domWrapper.focus", focusCalls[^1]);
    }

    [Fact]
    public void F2_on_a_focused_node_that_is_not_selected_selects_and_renames_that_node()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Cache").Focus();

        Press(cut, "Cache", "F2");

        Assert.True(IsSelected(cut, "Cache"));
        Assert.Single(cut.FindAll("input[aria-label='Name of this Feature store']"));
    }

    [Fact]
    public void L_then_an_arrow_and_Enter_links_the_selected_node_to_the_chosen_one()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Feature store").Focus();
        Press(cut, "Feature store", "Enter");

        Press(cut, "Feature store", "l");
        // The nearest other node is offered first (Ranker, 300 to the right, is farther than Cache, 200 below).
        Assert.Equal(["Cache"], TabStops(cut));
        Assert.Contains("Linking Feature store to Cache", cut.Find(".canvas-notice").TextContent);
        Assert.Contains("link-target", Node(cut, "Cache").ClassList);
        Press(cut, "Cache", "ArrowUp");
        Assert.Equal(["Ranker"], TabStops(cut));
        Press(cut, "Ranker", "Enter");

        var link = Assert.IsType<AddLinkOp>(Assert.Single(ops)).Link;
        Assert.Equal(("n_a", "n_b"), (link.SourceId, link.TargetId));
        Assert.Equal("", cut.Find(".canvas-notice").TextContent);
        Assert.Single(document.Links);
    }

    [Fact]
    public void Escape_while_choosing_a_link_target_sends_nothing_and_focus_returns_to_the_source()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Feature store").Focus();
        Press(cut, "Feature store", "Enter");
        Press(cut, "Feature store", "l");

        Press(cut, "Cache", "Escape");

        Assert.Empty(ops);
        Assert.Equal(["Feature store"], TabStops(cut));
        Assert.True(IsSelected(cut, "Feature store"));
        Assert.Empty(cut.FindAll(".link-target"));
    }

    [Fact]
    public void Delete_on_a_focused_node_deletes_that_node_and_focus_goes_to_its_nearest_neighbour()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Feature store").Focus();

        Press(cut, "Feature store", "Delete");

        Assert.Equal("n_a", Assert.IsType<DeleteElementOp>(Assert.Single(ops)).ElementId);
        Assert.Equal(["Cache", "Ranker"], document.Nodes.Select(n => n.Label).Order());
        Assert.Equal(["Cache"], TabStops(cut));
    }

    [Fact]
    public void A_node_added_from_the_palette_is_selected_and_takes_focus()
    {
        ThreeNodes();
        var cut = RenderCanvas();

        cut.Find("button[aria-label='Add Feature store']").Click();

        var added = Assert.IsType<AddNodeOp>(Assert.Single(ops)).Node;
        var node = cut.Find($".diagram-node[data-node-id='{added.Id}'] [role=group]");
        Assert.Contains("selected", node.ClassList);
        Assert.Equal("0", node.GetAttribute("tabindex"));
        JSInterop.VerifyFocusAsyncInvoke();
    }

    [Fact]
    public void The_selection_bar_shows_a_name_changed_in_place_and_its_button_never_puts_the_old_one_back()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Ranker").Focus();
        Press(cut, "Ranker", "Enter");
        Assert.Equal("Ranker", cut.Find("#rename-input").GetAttribute("value"));

        Press(cut, "Ranker", "F2");
        var editor = cut.Find("input[aria-label='Name of this Feature store']");
        editor.Input("Two-tower ranker");
        editor.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("Two-tower ranker", cut.Find("#rename-input").GetAttribute("value"));
        var rename = cut.Find(".selection-bar button:not(.danger)");
        Assert.True(rename.HasAttribute("disabled"));
        Assert.Equal("Two-tower ranker", document.FindNode("n_b")!.Label);
        Assert.Single(ops);
    }

    [Fact]
    public void A_name_typed_in_the_selection_bar_is_kept_when_the_partner_renames_the_node_meanwhile()
    {
        ThreeNodes();
        var cut = RenderCanvas();
        Node(cut, "Ranker").Focus();
        Press(cut, "Ranker", "Enter");
        cut.Find("#rename-input").Input("Scorer");

        document = document.Apply(new UpdateNodeOp("op_partner", "n_b", Label: "Ranking service"));
        cut.Render(p => p.Add(x => x.Document, document));

        Assert.Equal("Scorer", cut.Find("#rename-input").GetAttribute("value"));
        cut.Find(".selection-bar button:not(.danger)").Click();
        Assert.Equal("Scorer", document.FindNode("n_b")!.Label);
    }

    [Fact]
    public void Link_handles_are_hidden_from_assistive_technology_and_carry_no_aria_label()
    {
        ThreeNodes();
        var cut = RenderCanvas();

        var handles = cut.FindAll(".bd-handle");

        Assert.Equal(12, handles.Count);
        Assert.All(handles, h =>
        {
            Assert.Equal("true", h.GetAttribute("aria-hidden"));
            Assert.False(h.HasAttribute("aria-label"));
        });
    }
}
