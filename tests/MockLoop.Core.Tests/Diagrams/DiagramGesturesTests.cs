using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Tests.Diagrams;

public class DiagramGesturesTests
{
    private int counter;

    private string NewId(string prefix) => $"{prefix}_{++counter}";

    private static readonly DiagramZone Training = new("z_t", "Offline training", 0, 0, 400, 300);

    private static DiagramDocument With(DiagramZone[] zones, params DiagramNode[] nodes) =>
        nodes.Aggregate(zones.Aggregate(DiagramDocument.Empty, (d, z) => d.Apply(new AddZoneOp("op_" + z.Id, z))),
            (d, n) => d.Apply(new AddNodeOp("op_" + n.Id, n)));

    private static DiagramNode Node(string id, double x, double y, string? zone = null) => new(id, "feature-store", "Feature store", x, y, 160, 60, zone);

    private static DiagramDocument Apply(DiagramDocument d, IEnumerable<DiagramOp> ops) => ops.Aggregate(d, (doc, op) => doc.Apply(op));

    [Fact]
    public void A_node_dropped_inside_a_zone_joins_it_and_one_dragged_out_leaves_it()
    {
        var document = With([Training], Node("n_a", 600, 100));

        document = Apply(document, DiagramGestures.Move(document, NewId, new Dictionary<string, DiagramPoint> { ["n_a"] = new(100, 100) }));
        Assert.Equal("z_t", document.FindNode("n_a")!.ZoneId);

        document = Apply(document, DiagramGestures.Move(document, NewId, new Dictionary<string, DiagramPoint> { ["n_a"] = new(700, 100) }));
        Assert.Null(document.FindNode("n_a")!.ZoneId);
    }

    [Fact]
    public void A_moved_zone_carries_its_members_by_the_same_distance()
    {
        var document = With([Training], Node("n_a", 50, 50, "z_t"), Node("n_free", 600, 50));

        var ops = DiagramGestures.Move(document, NewId, new Dictionary<string, DiagramPoint> { ["z_t"] = new(100, 200) });
        document = Apply(document, ops);

        Assert.Equal((150d, 250d, "z_t"), (document.FindNode("n_a")!.X, document.FindNode("n_a")!.Y, document.FindNode("n_a")!.ZoneId));
        Assert.Equal((600d, 50d), (document.FindNode("n_free")!.X, document.FindNode("n_free")!.Y));
        Assert.Equal(2, ops.Count);
    }

    [Fact]
    public void Where_zones_overlap_a_node_joins_the_smallest()
    {
        var inner = new DiagramZone("z_i", "Serving", 50, 50, 200, 150);
        var document = With([Training, inner], Node("n_a", 500, 500));

        document = Apply(document, DiagramGestures.Move(document, NewId, new Dictionary<string, DiagramPoint> { ["n_a"] = new(70, 70) }));

        Assert.Equal("z_i", document.FindNode("n_a")!.ZoneId);
    }

    [Fact]
    public void A_move_to_the_same_place_sends_nothing()
    {
        var document = With([Training], Node("n_a", 50, 50, "z_t"));

        Assert.Empty(DiagramGestures.Move(document, NewId, new Dictionary<string, DiagramPoint> { ["n_a"] = new(50, 50), ["z_t"] = new(0, 0) }));
    }

    [Fact]
    public void A_zone_grown_over_a_free_node_takes_it_in_and_shrunk_away_from_a_member_lets_it_go()
    {
        var document = With([Training], Node("n_in", 50, 50, "z_t"), Node("n_out", 450, 50));

        document = Apply(document, DiagramGestures.Resize(document, NewId, "z_t", new DiagramSize(700, 300)));
        Assert.Equal("z_t", document.FindNode("n_out")!.ZoneId);

        document = Apply(document, DiagramGestures.Resize(document, NewId, "z_t", new DiagramSize(100, 80)));
        Assert.All(document.Nodes, n => Assert.Null(n.ZoneId));
        Assert.Equal((100d, 80d), (document.FindZone("z_t")!.Width, document.FindZone("z_t")!.Height));
    }

    [Fact]
    public void A_resized_node_keeps_its_corner_and_an_unchanged_size_sends_nothing()
    {
        var document = With([], Node("n_a", 10, 20));

        var op = Assert.IsType<UpdateNodeOp>(Assert.Single(DiagramGestures.Resize(document, NewId, "n_a", new DiagramSize(240, 90))));
        Assert.Equal((new DiagramSize(240, 90), (DiagramPoint?)null, (ZoneAssignment?)null), (op.Size, op.Position, op.Zone));
        Assert.Empty(DiagramGestures.Resize(document, NewId, "n_a", new DiagramSize(160, 60)));
    }

    [Fact]
    public void A_node_added_inside_a_zone_is_placed_in_it()
    {
        var document = With([Training]);

        Assert.Equal("z_t", DiagramGestures.PlaceInZone(document, Node("n_a", 100, 100)).ZoneId);
        Assert.Null(DiagramGestures.PlaceInZone(document, Node("n_b", 900, 100)).ZoneId);
    }
}
