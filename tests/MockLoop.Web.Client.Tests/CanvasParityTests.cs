using Microsoft.AspNetCore.Components.Web;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas;

namespace MockLoop.Web.Client.Tests;

/// <summary>
/// What the React canvas did that the Blazor canvas now does too: rename in place, drag-to-link from a node's handle,
/// the partner's name on what they drag, a zone's members riding along, and the element limit said in words.
/// </summary>
public class CanvasParityTests : CanvasTestContext
{
    private static DiagramNode Store(string id, string label, double x, double y, string? zone = null) =>
        new(id, "feature-store", label, x, y, 168, 56, zone);

    /// <summary>Where the library draws a node: its wrapper's inline top/left.</summary>
    private static string Position(IRenderedComponent<RoomCanvas> cut, string label) =>
        cut.Find($".diagram-node:has([aria-label='{label}'])").GetAttribute("style") ?? "";

    [Fact]
    public void Double_clicking_a_node_opens_an_editor_named_as_in_the_react_room_and_enter_renames_it_once()
    {
        document = DiagramDocument.Empty.Apply(new AddNodeOp("op_a", Store("n_a", "Feature store", 100, 100)));
        var cut = RenderCanvas();

        cut.Find("[role=group][aria-label='Feature store']").DoubleClick();
        var editor = cut.Find("input[aria-label='Name of this Feature store']");
        editor.Input("Online features");
        editor.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        var rename = Assert.IsType<UpdateNodeOp>(Assert.Single(ops));
        Assert.Equal("Online features", rename.Label);
        Assert.Empty(cut.FindAll("input[aria-label='Name of this Feature store']"));
        // Renamed, it still says what it is.
        Assert.Equal("Feature store", cut.Find("[role=group][aria-label='Online features'] .bd-node-type").TextContent);
    }

    [Fact]
    public void Escape_in_the_editor_changes_nothing_and_keys_typed_there_are_not_canvas_shortcuts()
    {
        document = DiagramDocument.Empty.Apply(new AddNodeOp("op_a", Store("n_a", "Feature store", 100, 100)));
        var cut = RenderCanvas();

        cut.Find("[role=group][aria-label='Feature store']").DoubleClick();
        var editor = cut.Find("input[aria-label='Name of this Feature store']");
        editor.KeyDown(new KeyboardEventArgs { Key = "Backspace" });
        editor.KeyDown(new KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(ops);
        Assert.Single(document.Nodes);
    }

    [Fact]
    public void A_new_note_opens_its_text_editor_at_once()
    {
        var cut = RenderCanvas();

        cut.Find("button[aria-label='Add Note']").Click();

        Assert.IsType<AddNodeOp>(Assert.Single(ops));
        cut.Find("textarea[aria-label='Note text']");
    }

    [Fact]
    public void Dragging_from_a_nodes_handle_and_releasing_over_another_node_sends_one_directed_link()
    {
        document = DiagramDocument.Empty
            .Apply(new AddNodeOp("op_a", Store("n_a", "Feature store", 100, 100)))
            .Apply(new AddNodeOp("op_b", Store("n_b", "Model server", 400, 100)));
        var cut = RenderCanvas();

        var handle = cut.FindAll("[aria-label='Feature store'] .bd-handle").First(h => h.ClassList.Contains("bd-handle-r"));
        // A pointer's tooltip only: the keyboard links with L (CanvasKeyboardTests).
        Assert.Equal("Drag to link to another node", handle.GetAttribute("title"));
        handle.PointerDown(new PointerEventArgs { ClientX = 268, ClientY = 128, Button = 0 });
        cut.Find(".diagram-canvas").PointerMove(new PointerEventArgs { ClientX = 450, ClientY = 128 });
        Assert.Single(cut.FindAll("svg.link-draft"));
        cut.Find(".diagram-canvas").PointerUp(new PointerEventArgs { ClientX = 480, ClientY = 128, Button = 0 });

        var link = Assert.IsType<AddLinkOp>(Assert.Single(ops)).Link;
        Assert.Equal(("n_a", "n_b", true), (link.SourceId, link.TargetId, link.Directed));
        Assert.Empty(cut.FindAll("svg.link-draft"));
    }

    [Fact]
    public void A_link_released_on_empty_canvas_sends_nothing_and_a_repeated_one_says_why()
    {
        document = DiagramDocument.Empty
            .Apply(new AddNodeOp("op_a", Store("n_a", "Feature store", 100, 100)))
            .Apply(new AddNodeOp("op_b", Store("n_b", "Model server", 400, 100)))
            .Apply(new AddLinkOp("op_l", new DiagramLink("l_ab", "n_a", "n_b")));
        var cut = RenderCanvas();

        cut.Find("[aria-label='Feature store'] .bd-handle-r").PointerDown(new PointerEventArgs { ClientX = 268, ClientY = 128 });
        cut.Find(".diagram-canvas").PointerUp(new PointerEventArgs { ClientX = 300, ClientY = 500 });
        Assert.Empty(ops);

        cut.Find("[aria-label='Feature store'] .bd-handle-r").PointerDown(new PointerEventArgs { ClientX = 268, ClientY = 128 });
        cut.Find(".diagram-canvas").PointerUp(new PointerEventArgs { ClientX = 480, ClientY = 128 });
        Assert.Empty(ops);
        cut.WaitForAssertion(() => Assert.Equal("These two nodes are already linked in this direction.", cut.Find(".canvas-notice[role=status]").TextContent));
    }

    [Fact]
    public void The_partners_drag_carries_their_name_and_a_dragged_zone_carries_its_members_until_the_drop_arrives()
    {
        document = DiagramDocument.Empty
            .Apply(new AddZoneOp("op_z", new DiagramZone("z_t", "Training", 0, 0, 400, 300)))
            .Apply(new AddNodeOp("op_a", Store("n_a", "Feature store", 50, 50, "z_t")));
        var cut = RenderCanvas(peerName: "Cal");
        Assert.Contains("top: 50px; left: 50px", Position(cut, "Feature store"));

        cut.InvokeAsync(() => cut.Instance.ShowPeerDrag(new PeerDragMessage(Guid.NewGuid(), "z_t", 100, 200)));

        cut.WaitForAssertion(() => Assert.Contains("top: 250px; left: 150px", Position(cut, "Feature store")));
        Assert.Equal("Cal is moving this", cut.Find("[aria-label='Zone: Training'] .bd-peer-tag").GetAttribute("aria-label"));
        Assert.Equal("Cal", cut.Find("[aria-label='Feature store'] .bd-peer-tag").TextContent);

        // The drop arrives as ops: the document has the positions and the tags go.
        var dropped = DiagramGestures.Move(document, Ids.New, new Dictionary<string, DiagramPoint> { ["z_t"] = new(100, 200) });
        document = dropped.Aggregate(document, (d, op) => d.Apply(op));
        cut.Render(p => p.Add(x => x.Document, document));
        Assert.Empty(cut.FindAll(".bd-peer-tag"));
        Assert.Contains("top: 250px; left: 150px", Position(cut, "Feature store"));
    }

    [Fact]
    public void At_the_element_limit_the_palette_says_so_in_the_react_rooms_words_and_adds_nothing()
    {
        var full = Enumerable.Range(0, DiagramLimits.Default.MaxElements)
            .Aggregate(DiagramDocument.Empty, (d, i) => d.Apply(new AddNodeOp($"op_{i}", Store($"n_{i}", "Feature store", i % 25 * 200, i / 25 * 100))));
        document = full;
        var cut = RenderCanvas();

        Assert.Equal("The diagram has reached its limit of 500 elements. Delete something to add more.",
            cut.Find(".palette [role=status]").TextContent);
        Assert.True(cut.Find("button[aria-label='Add Feature store']").HasAttribute("disabled"));
        Assert.True(cut.Find("button[aria-label='Add Note']").HasAttribute("disabled"));
        Assert.Equal("500 / 500", cut.Find(".element-count").TextContent.Trim());
        Assert.Empty(ops);
    }
}
