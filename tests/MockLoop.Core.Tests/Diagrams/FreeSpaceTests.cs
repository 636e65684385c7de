using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Tests.Diagrams;

public class FreeSpaceTests
{
    private static readonly DiagramSize Box = new(160, 64);

    private static DiagramDocument With(params DiagramNode[] nodes) =>
        nodes.Aggregate(DiagramDocument.Empty, (doc, node) => doc.Apply(new AddNodeOp("op_" + node.Id, node)));

    private static DiagramNode NodeAt(string id, DiagramPoint at, DiagramSize? size = null) =>
        new(id, "feature-store", "Feature store", at.X, at.Y, (size ?? Box).Width, (size ?? Box).Height);

    private static bool Overlap(DiagramNode a, DiagramNode b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    [Fact]
    public void On_an_empty_canvas_a_node_is_centred_on_the_view()
    {
        var spot = FreeSpace.Near(DiagramDocument.Empty, new DiagramPoint(500, 300), Box);

        Assert.Equal(new DiagramPoint(420, 268), spot);
    }

    [Fact]
    public void Four_nodes_added_at_the_same_centre_never_overlap_and_stay_near_it()
    {
        var centre = new DiagramPoint(500, 300);
        var document = DiagramDocument.Empty;
        var placed = new List<DiagramNode>();
        for (var i = 0; i < 4; i++)
        {
            var node = NodeAt("n_" + i, FreeSpace.Near(document, centre, Box));
            document = With([.. placed, node]);
            placed.Add(node);
        }

        foreach (var a in placed)
        {
            foreach (var b in placed.Where(b => b != a))
            {
                Assert.False(Overlap(a, b), $"{a.Id} overlaps {b.Id}");
            }
            Assert.InRange(Math.Abs(a.X + a.Width / 2 - centre.X), 0, 2 * (Box.Width + FreeSpace.Gap));
            Assert.InRange(Math.Abs(a.Y + a.Height / 2 - centre.Y), 0, 2 * (Box.Height + FreeSpace.Gap));
        }
    }

    [Fact]
    public void When_the_centre_is_taken_the_next_node_goes_to_its_right()
    {
        var document = With(NodeAt("n_a", new DiagramPoint(420, 268)));

        var spot = FreeSpace.Near(document, new DiagramPoint(500, 300), Box);

        Assert.Equal(new DiagramPoint(420 + Box.Width + FreeSpace.Gap, 268), spot);
    }

    [Fact]
    public void A_large_node_under_the_centre_pushes_the_new_one_clear_of_it_with_a_gap()
    {
        var big = NodeAt("n_big", new DiagramPoint(300, 200), new DiagramSize(400, 200));
        var spot = FreeSpace.Near(With(big), new DiagramPoint(500, 300), Box);
        var placed = NodeAt("n_new", spot);

        Assert.False(Overlap(big, placed));
        var clearance = Math.Max(
            Math.Max(placed.X - (big.X + big.Width), big.X - (placed.X + placed.Width)),
            Math.Max(placed.Y - (big.Y + big.Height), big.Y - (placed.Y + placed.Height)));
        Assert.True(clearance >= FreeSpace.Gap, $"only {clearance} between them");
    }

    [Fact]
    public void Four_nodes_at_one_centre_fill_the_nearest_cells_even_when_the_centre_has_a_fraction()
    {
        // A view centre in fractions of a unit, and positions a client rounded to one decimal, must not make a
        // neighbouring cell look taken.
        var centre = new DiagramPoint(500.35, 300.65);
        var document = DiagramDocument.Empty;
        for (var i = 0; i < 4; i++)
        {
            var spot = FreeSpace.Near(document, centre, Box);
            var node = NodeAt("n_" + i, new DiagramPoint(Math.Round(spot.X, 1), Math.Round(spot.Y, 1)));
            document = document.Apply(new AddNodeOp("op_" + i, node));
        }

        // Centre, right, left, then below: a compact block around the centre.
        var across = Box.Width + FreeSpace.Gap;
        var down = Box.Height + FreeSpace.Gap;
        Assert.Equal(
            [(420, 269), (420 + across, 269), (420 - across, 269), (420, 269 + down)],
            document.Nodes.OrderBy(n => n.Id).Select(n => (n.X, n.Y)).ToList());
    }

    [Fact]
    public void Zones_do_not_count_as_taken()
    {
        var document = DiagramDocument.Empty.Apply(new AddZoneOp("op_z", new DiagramZone("z_a", "Serving", 0, 0, 1000, 800)));

        Assert.Equal(new DiagramPoint(420, 268), FreeSpace.Near(document, new DiagramPoint(500, 300), Box));
    }
}
