using Blazor.Diagrams.Core.Geometry;
using Microsoft.AspNetCore.Components;
using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Canvas;

namespace MockLoop.Web.Client.Tests;

public class RoomCanvasTests : BunitContext
{
    private static readonly PaletteEntry[] Entries = [new("feature-store", "Feature store", "data", "Serves features")];

    public RoomCanvasTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 800, 600));
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
    }

    private static DiagramDocument Document(params DiagramNode[] nodes) =>
        nodes.Aggregate(DiagramDocument.Empty, (d, n) => d.Apply(new AddNodeOp("op_" + n.Id, n)));

    [Fact]
    public void Each_node_of_the_document_is_drawn_with_its_label_as_accessible_name()
    {
        var document = Document(
            new DiagramNode("n_a", "feature-store", "Feature store", 10, 10, 168, 56),
            new DiagramNode("n_b", DiagramNode.NoteType, "Cache hot items", 300, 10, 200, 96));

        var cut = Render<RoomCanvas>(p => p.Add(x => x.Document, document).Add(x => x.Entries, Entries));

        Assert.Equal(["Feature store", "Cache hot items"], cut.FindAll("[role=group].bd-node").Select(n => n.GetAttribute("aria-label")));
    }

    [Fact]
    public void A_palette_click_becomes_an_add_node_op_placed_clear_of_existing_nodes()
    {
        var ops = new List<DiagramOp>();
        var occupied = new DiagramNode("n_a", "feature-store", "Feature store", 316, 272, 168, 56);
        var document = Document(occupied);
        var cut = Render<RoomCanvas>(p => p
            .Add(x => x.Document, document)
            .Add(x => x.Entries, Entries)
            .Add(x => x.OnOp, EventCallback.Factory.Create<DiagramOp>(this, ops.Add)));

        cut.Find("button[aria-label='Add Feature store']").Click();

        var add = Assert.IsType<AddNodeOp>(Assert.Single(ops));
        Assert.Equal(("feature-store", "Feature store"), (add.Node.ComponentType, add.Node.Label));
        var clear = add.Node.X >= occupied.X + occupied.Width || add.Node.X + add.Node.Width <= occupied.X
                    || add.Node.Y >= occupied.Y + occupied.Height || add.Node.Y + add.Node.Height <= occupied.Y;
        Assert.True(clear, $"the new node at ({add.Node.X}, {add.Node.Y}) overlaps the existing one");
    }

    [Fact]
    public void A_document_update_redraws_renamed_and_deleted_nodes()
    {
        var first = Document(new DiagramNode("n_a", "feature-store", "Feature store", 0, 0, 168, 56), new DiagramNode("n_b", "feature-store", "Old", 300, 0, 168, 56));
        var cut = Render<RoomCanvas>(p => p.Add(x => x.Document, first).Add(x => x.Entries, Entries));

        var next = first.Apply(new UpdateNodeOp("op_r", "n_a", Label: "Online features")).Apply(new DeleteElementOp("op_d", "n_b"));
        cut.Render(p => p.Add(x => x.Document, next));

        Assert.Equal(["Online features"], cut.FindAll("[role=group].bd-node").Select(n => n.GetAttribute("aria-label")));
    }

    [Fact]
    public void An_ended_interview_shows_a_read_only_canvas_without_a_palette()
    {
        var cut = Render<RoomCanvas>(p => p.Add(x => x.Document, DiagramDocument.Empty).Add(x => x.Entries, Entries).Add(x => x.ReadOnly, true));

        Assert.Empty(cut.FindAll(".palette"));
        Assert.Contains("Read-only: the interview has ended.", cut.Markup);
    }
}
