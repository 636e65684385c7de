using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Tests.Diagrams;

public class UndoHistoryTests
{
    private int counter;

    private UndoHistory NewHistory() => new(prefix => $"{prefix}_{++counter}");

    private static DiagramNode Node(string id, string label = "Feature store", double x = 0, double y = 0) =>
        new(id, "feature-store", label, x, y, 168, 56);

    /// <summary>A local edit: recorded against the document before it, then applied.</summary>
    private static DiagramDocument Edit(UndoHistory history, DiagramDocument document, params DiagramOp[] ops)
    {
        history.Record(ops, document);
        return ops.Aggregate(document, (d, op) => d.Apply(op));
    }

    private static DiagramDocument Apply(DiagramDocument document, IEnumerable<DiagramOp> ops) =>
        ops.Aggregate(document, (d, op) => d.Apply(op));

    [Fact]
    public void Undoing_an_add_deletes_the_node_and_redo_brings_it_back()
    {
        var history = NewHistory();
        var document = Edit(history, DiagramDocument.Empty, new AddNodeOp("op_a", Node("n_a", x: 40, y: 50)));

        var undone = Apply(document, history.Undo(document));
        Assert.Empty(undone.Nodes);
        Assert.True(history.CanRedo);

        var redone = Apply(undone, history.Redo(undone));
        var back = Assert.Single(redone.Nodes);
        Assert.Equal(("Feature store", 40d, 50d), (back.Label, back.X, back.Y));
        Assert.NotEqual("n_a", back.Id);
    }

    [Fact]
    public void Undoing_a_move_restores_the_position_and_keeps_the_peers_rename_of_the_same_node()
    {
        var history = NewHistory();
        var document = DiagramDocument.Empty.Apply(new AddNodeOp("op_a", Node("n_a", x: 10, y: 10)));
        document = Edit(history, document, new UpdateNodeOp("op_m", "n_a", Position: new DiagramPoint(300, 200)));
        document = document.Apply(new UpdateNodeOp("op_peer", "n_a", Label: "Online features"));

        var ops = history.Undo(document);
        document = Apply(document, ops);

        var move = Assert.IsType<UpdateNodeOp>(Assert.Single(ops));
        Assert.Null(move.Label);
        var node = Assert.Single(document.Nodes);
        Assert.Equal(("Online features", 10d, 10d), (node.Label, node.X, node.Y));
    }

    [Fact]
    public void Undoing_a_delete_recreates_the_node_and_its_links_under_new_ids_and_redo_deletes_them_again()
    {
        var history = NewHistory();
        var document = Apply(DiagramDocument.Empty, [
            new AddNodeOp("op_a", Node("n_a", "Feature store")),
            new AddNodeOp("op_b", Node("n_b", "Model server", x: 300)),
            new AddLinkOp("op_l", new DiagramLink("l_ab", "n_a", "n_b", "features")),
        ]);
        document = Edit(history, document, new DeleteElementOp("op_d", "n_a"));
        Assert.Single(document.Nodes);

        document = Apply(document, history.Undo(document));
        var restored = document.Nodes.Single(n => n.Label == "Feature store");
        Assert.NotEqual("n_a", restored.Id);
        var link = Assert.Single(document.Links);
        Assert.Equal((restored.Id, "n_b", "features"), (link.SourceId, link.TargetId, link.Label));

        document = Apply(document, history.Redo(document));
        Assert.Equal(["Model server"], document.Nodes.Select(n => n.Label));
        Assert.Empty(document.Links);
    }

    [Fact]
    public void Undo_after_undoing_a_delete_follows_the_recreated_node()
    {
        var history = NewHistory();
        var document = Edit(history, DiagramDocument.Empty, new AddNodeOp("op_a", Node("n_a")));
        document = Edit(history, document, new UpdateNodeOp("op_m", "n_a", Position: new DiagramPoint(100, 0)));
        document = Edit(history, document, new DeleteElementOp("op_d", "n_a"));

        document = Apply(document, history.Undo(document)); // back under a new id, at (100, 0)
        document = Apply(document, history.Undo(document)); // the move of n_a now moves the copy back
        Assert.Equal((0d, 0d), (Assert.Single(document.Nodes).X, document.Nodes.Single().Y));

        document = Apply(document, history.Undo(document)); // the add: the copy goes
        Assert.Empty(document.Nodes);
        Assert.False(history.CanUndo);
    }

    [Fact]
    public void A_gesture_of_several_ops_is_undone_as_one_step()
    {
        var history = NewHistory();
        var document = Apply(DiagramDocument.Empty, [new AddNodeOp("op_a", Node("n_a")), new AddNodeOp("op_b", Node("n_b", x: 300))]);
        document = Edit(history, document,
            new UpdateNodeOp("op_ma", "n_a", Position: new DiagramPoint(0, 100)),
            new UpdateNodeOp("op_mb", "n_b", Position: new DiagramPoint(300, 100)));

        var ops = history.Undo(document);
        document = Apply(document, ops);

        Assert.Equal(2, ops.Count);
        Assert.All(document.Nodes, n => Assert.Equal(0, n.Y));
        Assert.False(history.CanUndo);
    }

    [Fact]
    public void An_entry_whose_node_the_peer_deleted_is_skipped_for_the_one_before_it()
    {
        var history = NewHistory();
        var document = Edit(history, DiagramDocument.Empty, new AddNodeOp("op_a", Node("n_a")));
        document = document.Apply(new AddNodeOp("op_b", Node("n_b", x: 300)));
        document = Edit(history, document, new UpdateNodeOp("op_m", "n_b", Label: "Renamed by me"));
        document = document.Apply(new DeleteElementOp("op_peer", "n_b"));

        var ops = history.Undo(document);

        var delete = Assert.IsType<DeleteElementOp>(Assert.Single(ops));
        Assert.Equal("n_a", delete.ElementId);
    }

    [Fact]
    public void Undo_never_touches_an_element_only_the_peer_created()
    {
        var history = NewHistory();
        var document = Edit(history, DiagramDocument.Empty, new AddNodeOp("op_a", Node("n_a")));
        document = document.Apply(new AddNodeOp("op_peer", Node("n_peer", "Peer's node", x: 300)));

        document = Apply(document, history.Undo(document));

        Assert.Equal(["Peer's node"], document.Nodes.Select(n => n.Label));
        Assert.Empty(history.Undo(document));
    }

    [Fact]
    public void A_new_edit_after_an_undo_ends_the_redo_history()
    {
        var history = NewHistory();
        var document = Edit(history, DiagramDocument.Empty, new AddNodeOp("op_a", Node("n_a")));
        document = Apply(document, history.Undo(document));
        Assert.True(history.CanRedo);

        Edit(history, document, new AddNodeOp("op_b", Node("n_b")));

        Assert.False(history.CanRedo);
    }

    [Fact]
    public void Undoing_a_zone_delete_brings_the_zone_back_with_its_members_in_it()
    {
        var history = NewHistory();
        var document = Apply(DiagramDocument.Empty, [
            new AddZoneOp("op_z", new DiagramZone("z_a", "Offline training", 0, 0, 400, 300)),
            new AddNodeOp("op_a", Node("n_a") with { ZoneId = "z_a" }),
        ]);
        document = Edit(history, document, new DeleteElementOp("op_d", "z_a"));
        Assert.Null(Assert.Single(document.Nodes).ZoneId);

        document = Apply(document, history.Undo(document));

        var zone = Assert.Single(document.Zones);
        Assert.Equal(("Offline training", zone.Id), (zone.Label, Assert.Single(document.Nodes).ZoneId));
    }

    [Fact]
    public void Undoing_a_resize_and_a_link_label_sets_back_exactly_what_they_changed()
    {
        var history = NewHistory();
        var document = Apply(DiagramDocument.Empty, [
            new AddNodeOp("op_a", Node("n_a")),
            new AddNodeOp("op_b", Node("n_b", x: 300)),
            new AddLinkOp("op_l", new DiagramLink("l_ab", "n_a", "n_b")),
        ]);
        var before = document;
        document = Edit(history, document, new UpdateNodeOp("op_s", "n_a", Size: new DiagramSize(240, 120)));
        document = Edit(history, document, new UpdateLinkOp("op_t", "l_ab", "features"));

        document = Apply(document, history.Undo(document));
        document = Apply(document, history.Undo(document));

        Assert.Equal(before.ToCanonicalJson(), document.ToCanonicalJson());
    }

    [Fact]
    public void Only_the_latest_entries_up_to_the_limit_are_kept()
    {
        var history = new UndoHistory(prefix => $"{prefix}_{++counter}", maxEntries: 2);
        var document = DiagramDocument.Empty;
        foreach (var id in new[] { "n_a", "n_b", "n_c" })
        {
            document = Edit(history, document, new AddNodeOp("op_" + id, Node(id)));
        }

        document = Apply(document, history.Undo(document));
        document = Apply(document, history.Undo(document));

        Assert.False(history.CanUndo);
        Assert.Equal(["n_a"], document.Nodes.Select(n => n.Id));
    }
}
