using MockLoop.Core.Diagrams;
using static MockLoop.Core.Tests.Diagrams.DiagramKit;

namespace MockLoop.Core.Tests.Diagrams;

public class DiagramMergeRuleTests
{
    private readonly DiagramRules rules = Rules();

    [Fact]
    public void An_update_changes_only_the_properties_it_carries()
    {
        var document = rules.Build(AddNode("n_a"), UpdateNode("n_a", label: "Two-tower retrieval"));

        Assert.Equal(Node("n_a") with { Label = "Two-tower retrieval" }, document.FindNode("n_a"));
    }

    [Fact]
    public void Concurrent_edits_to_different_properties_both_survive()
    {
        // Ana renames while Ben moves: neither op carries the other's property, so both land.
        var document = rules.Build(
            AddNode("n_a"),
            UpdateNode("n_a", label: "Ranker"),
            UpdateNode("n_a", position: new(640, 480)),
            UpdateNode("n_a", size: new(200, 80)));

        Assert.Equal(
            Node("n_a") with { Label = "Ranker", X = 640, Y = 480, Width = 200, Height = 80 },
            document.FindNode("n_a"));
    }

    [Fact]
    public void For_the_same_property_the_last_op_in_server_order_wins()
    {
        var document = rules.Build(
            AddNode("n_a"),
            UpdateNode("n_a", label: "from ana", position: new(1, 1)),
            UpdateNode("n_a", label: "from ben"));

        var node = document.FindNode("n_a")!;
        Assert.Equal("from ben", node.Label);
        Assert.Equal((1d, 1d), (node.X, node.Y));
    }

    [Fact]
    public void A_delete_wins_over_a_later_edit_of_the_same_element()
    {
        var document = rules.Build(AddNode("n_a"), Delete("n_a"), UpdateNode("n_a", label: "too late"));

        Assert.Null(document.FindNode("n_a"));
        Assert.Contains("n_a", document.DeletedIds);
    }

    [Fact]
    public void A_delete_wins_whichever_way_it_races_an_edit()
    {
        var edit = UpdateNode("n_a", label: "edited", position: new(9, 9));
        var delete = Delete("n_a");

        var editFirst = rules.Build(AddNode("n_a"), AddNode("n_b"), edit, delete);
        var deleteFirst = rules.Build(AddNode("n_a"), AddNode("n_b"), delete, edit);

        Assert.Equal(editFirst, deleteFirst);
        Assert.Null(editFirst.FindNode("n_a"));
    }

    [Fact]
    public void Deleting_a_node_deletes_its_links_and_remembers_their_ids()
    {
        var document = rules.Build(
            AddNode("n_a"), AddNode("n_b"), AddNode("n_c"),
            AddLink("l_ab", "n_a", "n_b"), AddLink("l_ca", "n_c", "n_a"), AddLink("l_bc", "n_b", "n_c"),
            Delete("n_a"));

        Assert.Equal(["l_bc"], document.Links.Select(l => l.Id));
        Assert.Equal(["l_ab", "l_ca", "n_a"], document.DeletedIds);
        Assert.Equal(document, rules.Accept(document, UpdateLink("l_ab", "late label")));
        rules.Reject(document, AddLink("l_ab", "n_b", "n_c"), DiagramErrors.DeletedIdCode);
    }

    [Fact]
    public void Deleting_a_zone_releases_its_nodes_where_they_stand()
    {
        var document = rules.Build(
            AddZone("z_offline"), AddNode("n_a", zone: "z_offline"), AddNode("n_b", zone: "z_offline"), AddNode("n_c"),
            Delete("z_offline"));

        Assert.Empty(document.Zones);
        Assert.All(document.Nodes, n => Assert.Null(n.ZoneId));
        Assert.Equal(Node("n_a"), document.FindNode("n_a"));
    }

    [Fact]
    public void Joining_a_zone_that_was_just_deleted_leaves_the_node_in_no_zone_in_either_order()
    {
        var start = new DiagramOp[] { AddZone("z_1"), AddZone("z_2"), AddNode("n_a", zone: "z_2") };
        var join = UpdateNode("n_a", zone: new ZoneAssignment("z_1"), label: "moved");
        var delete = Delete("z_1");

        var joinFirst = rules.Build([.. start, join, delete]);
        var deleteFirst = rules.Build([.. start, delete, join]);

        Assert.Equal(joinFirst, deleteFirst);
        Assert.Null(joinFirst.FindNode("n_a")!.ZoneId);
        Assert.Equal("moved", joinFirst.FindNode("n_a")!.Label);
    }

    [Fact]
    public void Adding_a_node_into_a_deleted_zone_adds_it_without_a_zone()
    {
        var document = rules.Build(AddZone("z_1"), Delete("z_1"), AddNode("n_a", zone: "z_1"));

        Assert.Null(document.FindNode("n_a")!.ZoneId);
    }

    [Fact]
    public void A_link_to_a_node_deleted_first_is_born_deleted_in_either_order()
    {
        var link = AddLink("l_1", "n_a", "n_b");
        var delete = Delete("n_b");

        var linkFirst = rules.Build(AddNode("n_a"), AddNode("n_b"), link, delete);
        var deleteFirst = rules.Build(AddNode("n_a"), AddNode("n_b"), delete, link);

        Assert.Equal(linkFirst, deleteFirst);
        Assert.Empty(deleteFirst.Links);
        Assert.Contains("l_1", deleteFirst.DeletedIds);
        Assert.Equal(deleteFirst, rules.Accept(deleteFirst, UpdateLink("l_1", "late")));
    }

    [Fact]
    public void Two_users_deleting_the_same_element_is_fine()
    {
        var once = rules.Build(AddNode("n_a"), Delete("n_a"));

        Assert.Equal(once, rules.Accept(once, Delete("n_a")));
    }

    [Fact]
    public void A_zone_move_does_not_move_its_nodes_because_coordinates_are_absolute()
    {
        var document = rules.Build(AddZone("z_1"), AddNode("n_a", zone: "z_1"), UpdateZone("z_1", position: new(50, 50)));

        Assert.Equal(Node("n_a", zone: "z_1"), document.FindNode("n_a"));
        Assert.Equal(Zone("z_1") with { X = 50, Y = 50 }, document.FindZone("z_1"));
    }

    [Fact]
    public void Updating_a_link_label_to_null_removes_it()
    {
        var document = rules.Build(AddNode("n_a"), AddNode("n_b"), AddLink("l_1", "n_a", "n_b"), UpdateLink("l_1", "features"));
        Assert.Equal("features", document.FindLink("l_1")!.Label);

        Assert.Null(rules.Accept(document, UpdateLink("l_1", null)).FindLink("l_1")!.Label);
    }

    [Fact]
    public void Applying_is_lenient_for_ops_the_server_would_reject()
    {
        // A client applies its own pending ops before the server has judged them; they must never throw.
        var document = rules.Build(AddNode("n_a"), AddZone("z_1"));

        Assert.Equal(document, document.Apply(UpdateNode("z_1", label: "wrong kind")));
        Assert.Equal(document, document.Apply(AddLink("l_1", "n_a", "n_missing")));
        Assert.Equal(document, document.Apply(AddLink("l_1", "n_a", "n_a")));
        Assert.Equal(document, document.Apply(AddNode("n_a")));
        Assert.Equal(document, document.Apply(new AddNodeOp(NextOpId(), null!)));
        Assert.Equal(document, document.Apply(Delete("x_missing")));
        Assert.Equal(document, document.Apply(new UpdateNodeOp(NextOpId(), null!, Label: "x")));
    }
}
