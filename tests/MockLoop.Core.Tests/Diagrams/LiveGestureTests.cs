using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Tests.Diagrams;

/// <summary>What the canvas draws during a gesture and plans at its end: live zone carrying, drag-to-link, the limit.</summary>
public class LiveGestureTests
{
    private int counter;

    private string NewId(string prefix) => $"{prefix}_{++counter}";

    private static readonly DiagramZone Training = new("z_t", "Offline training", 0, 0, 400, 300);

    private static DiagramNode Node(string id, double x, double y, string? zone = null) => new(id, "feature-store", "Feature store", x, y, 160, 60, zone);

    private static DiagramDocument With(DiagramZone[] zones, params DiagramNode[] nodes) =>
        nodes.Aggregate(zones.Aggregate(DiagramDocument.Empty, (d, z) => d.Apply(new AddZoneOp("op_" + z.Id, z))),
            (d, n) => d.Apply(new AddNodeOp("op_" + n.Id, n)));

    [Fact]
    public void A_zone_being_dragged_carries_its_members_on_screen_by_its_offset_and_leaves_others_alone()
    {
        var document = With([Training], Node("n_in", 50, 50, "z_t"), Node("n_out", 600, 50));

        var carried = DiagramGestures.Carried(document, new Dictionary<string, DiagramPoint> { ["z_t"] = new(30, -20) });

        Assert.Equal(new DiagramPoint(80, 30), Assert.Single(carried, c => c.Key == "n_in").Value);
        Assert.DoesNotContain("n_out", carried.Keys);
    }

    [Fact]
    public void A_member_dragged_with_its_zone_keeps_its_own_position_and_nodes_dragged_alone_carry_nothing()
    {
        var document = With([Training], Node("n_a", 50, 50, "z_t"), Node("n_b", 250, 50, "z_t"));

        var carried = DiagramGestures.Carried(document, new Dictionary<string, DiagramPoint> { ["z_t"] = new(10, 10), ["n_a"] = new(500, 500) });

        Assert.Equal(["n_b"], carried.Keys);
        Assert.Empty(DiagramGestures.Carried(document, new Dictionary<string, DiagramPoint> { ["n_a"] = new(90, 90) }));
    }

    [Fact]
    public void Where_the_live_carry_draws_members_is_where_the_drop_puts_them()
    {
        var document = With([Training], Node("n_a", 50, 50, "z_t"));
        var to = new Dictionary<string, DiagramPoint> { ["z_t"] = new(120, 40) };

        var dropped = DiagramGestures.Move(document, NewId, to).Aggregate(document, (d, op) => d.Apply(op));

        var drawn = DiagramGestures.Carried(document, to)["n_a"];
        Assert.Equal((drawn.X, drawn.Y), (dropped.FindNode("n_a")!.X, dropped.FindNode("n_a")!.Y));
    }

    [Fact]
    public void The_node_under_a_point_is_the_one_drawn_last_and_zones_never_count()
    {
        var document = With([Training], Node("n_a", 50, 50, "z_t"), Node("n_b", 100, 70, "z_t"));

        Assert.Equal("n_b", DiagramGestures.NodeAt(document, new DiagramPoint(120, 90)));
        Assert.Equal("n_a", DiagramGestures.NodeAt(document, new DiagramPoint(60, 60)));
        Assert.Null(DiagramGestures.NodeAt(document, new DiagramPoint(350, 250)));
    }

    [Fact]
    public void A_link_dragged_from_one_node_to_another_is_one_directed_add()
    {
        var document = With([], Node("n_a", 0, 0), Node("n_b", 300, 0));

        var plan = DiagramGestures.Link(document, NewId, "n_a", "n_b");

        var add = Assert.IsType<AddLinkOp>(Assert.Single(plan.Ops));
        Assert.Equal(("n_a", "n_b", true, null), (add.Link.SourceId, add.Link.TargetId, add.Link.Directed, add.Link.Label));
        Assert.Null(plan.Problem);
    }

    [Fact]
    public void A_link_to_itself_to_a_zone_or_repeating_one_in_the_same_direction_is_refused_with_a_reason()
    {
        var document = With([Training], Node("n_a", 0, 0), Node("n_b", 300, 0));
        document = document.Apply(new AddLinkOp("op_l", new DiagramLink("l_ab", "n_a", "n_b")));

        Assert.Equal("A link needs two different nodes.", DiagramGestures.Link(document, NewId, "n_a", "n_a").Problem);
        Assert.Equal("Links join components and notes, not zones.", DiagramGestures.Link(document, NewId, "n_a", "z_t").Problem);
        Assert.Equal("These two nodes are already linked in this direction.", DiagramGestures.Link(document, NewId, "n_a", "n_b").Problem);
        Assert.Empty(DiagramGestures.Link(document, NewId, "n_a", "n_b").Ops);
        Assert.Single(DiagramGestures.Link(document, NewId, "n_b", "n_a").Ops);
    }

    [Fact]
    public void A_diagram_at_its_element_limit_says_so_and_a_link_is_refused_with_the_same_words()
    {
        var limits = new DiagramLimits { MaxElements = 2 };
        var document = With([], Node("n_a", 0, 0), Node("n_b", 300, 0));

        var problem = DiagramCapacity.Problem(document, limits);

        Assert.Equal("The diagram has reached its limit of 2 elements. Delete something to add more.", problem);
        Assert.Equal(problem, DiagramGestures.Link(document, NewId, "n_a", "n_b", limits).Problem);
        Assert.Null(DiagramCapacity.Problem(document.Apply(new DeleteElementOp("op_d", "n_b")), limits));
    }

    [Fact]
    public void A_diagram_that_has_created_its_most_elements_says_so_even_after_deletes()
    {
        var limits = new DiagramLimits { MaxElements = 10, MaxCreatedElements = 2 };
        var document = With([], Node("n_a", 0, 0), Node("n_b", 300, 0)).Apply(new DeleteElementOp("op_d", "n_b"));

        Assert.Equal("This diagram has had 2 elements created, the most one diagram may have.", DiagramCapacity.Problem(document, limits));
        Assert.Null(DiagramCapacity.Problem(DiagramDocument.Empty));
    }
}

public class RenameGestureTests
{
    private int counter;

    private string NewId(string prefix) => $"{prefix}_{++counter}";

    private static DiagramDocument Sample() => DiagramDocument.Empty
        .Apply(new AddNodeOp("op_a", new DiagramNode("n_a", "feature-store", "Feature store", 0, 0, 160, 60)))
        .Apply(new AddNodeOp("op_n", new DiagramNode("n_note", DiagramNode.NoteType, "Remember drift", 300, 0, 200, 96)))
        .Apply(new AddZoneOp("op_z", new DiagramZone("z_t", "Zone", 0, 200, 400, 300)))
        .Apply(new AddLinkOp("op_l", new DiagramLink("l_an", "n_a", "n_note", "reads")));

    [Fact]
    public void A_typed_name_is_trimmed_and_sent_once_and_an_unchanged_one_sends_nothing()
    {
        var op = Assert.IsType<UpdateNodeOp>(Assert.Single(DiagramGestures.Rename(Sample(), NewId, "n_a", "  Online features ")));
        Assert.Equal("Online features", op.Label);
        Assert.Empty(DiagramGestures.Rename(Sample(), NewId, "n_a", "Feature store"));
        Assert.Equal("Serving", Assert.IsType<UpdateZoneOp>(Assert.Single(DiagramGestures.Rename(Sample(), NewId, "z_t", "Serving"))).Label);
    }

    [Fact]
    public void Clearing_a_component_or_zone_keeps_its_name_but_a_note_may_be_empty_and_a_link_loses_its_label()
    {
        Assert.Empty(DiagramGestures.Rename(Sample(), NewId, "n_a", "   "));
        Assert.Empty(DiagramGestures.Rename(Sample(), NewId, "z_t", ""));
        Assert.Equal("", Assert.IsType<UpdateNodeOp>(Assert.Single(DiagramGestures.Rename(Sample(), NewId, "n_note", " "))).Label);
        Assert.Null(Assert.IsType<UpdateLinkOp>(Assert.Single(DiagramGestures.Rename(Sample(), NewId, "l_an", ""))).Label);
    }

    [Fact]
    public void A_name_over_the_limit_is_cut_to_it_so_the_server_accepts_it()
    {
        var limits = new DiagramLimits { MaxLabelLength = 5 };
        var op = Assert.IsType<UpdateNodeOp>(Assert.Single(DiagramGestures.Rename(Sample(), NewId, "n_a", "Online features", limits)));
        Assert.Equal("Onlin", op.Label);
        Assert.True(DiagramKit.Rules(limits).Decide(Sample(), op, DiagramKit.At).IsSuccess);
    }
}

public class AddZoneGestureTests
{
    private int counter;

    private string NewId(string prefix) => $"{prefix}_{++counter}";

    [Fact]
    public void A_new_zone_takes_in_the_free_nodes_it_covers_but_not_those_of_another_zone_or_outside()
    {
        var document = DiagramDocument.Empty
            .Apply(new AddZoneOp("op_o", new DiagramZone("z_old", "Old", 0, 0, 100, 100)))
            .Apply(new AddNodeOp("op_a", new DiagramNode("n_free", "feature-store", "Feature store", 300, 300, 100, 40)))
            .Apply(new AddNodeOp("op_b", new DiagramNode("n_owned", "feature-store", "Feature store", 10, 10, 40, 20, "z_old")))
            .Apply(new AddNodeOp("op_c", new DiagramNode("n_far", "feature-store", "Feature store", 2000, 2000, 100, 40)));

        var ops = DiagramGestures.AddZone(document, NewId, new DiagramZone("z_new", "Zone", 0, 0, 600, 600));
        document = ops.Aggregate(document, (d, op) => d.Apply(op));

        Assert.Equal(2, ops.Count);
        Assert.Equal("z_new", document.FindNode("n_free")!.ZoneId);
        Assert.Equal("z_old", document.FindNode("n_owned")!.ZoneId);
        Assert.Null(document.FindNode("n_far")!.ZoneId);
    }
}
