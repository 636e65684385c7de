using MockLoop.Core.Diagrams;
using static MockLoop.Core.Tests.Diagrams.DiagramKit;

namespace MockLoop.Core.Tests.Diagrams;

public class DiagramReplicaTests
{
    [Fact]
    public void A_local_edit_shows_at_once_but_is_not_confirmed()
    {
        var replica = new DiagramReplica();
        var add = AddNode("n_a");

        replica.ApplyLocal(add);

        Assert.NotNull(replica.View.FindNode("n_a"));
        Assert.Equal(DiagramDocument.Empty, replica.Confirmed);
        Assert.Equal([add], replica.Pending);
    }

    [Fact]
    public void The_servers_echo_of_our_own_op_moves_it_from_pending_to_confirmed()
    {
        var replica = new DiagramReplica();
        var add = AddNode("n_a");
        replica.ApplyLocal(add);
        var viewBefore = replica.View;

        Assert.Equal(ServerOpOutcome.Applied, replica.ReceiveConfirmed(1, add));

        Assert.Empty(replica.Pending);
        Assert.Equal(viewBefore, replica.View);
        Assert.Equal(replica.View, replica.Confirmed);
        Assert.Equal(1, replica.LastSequence);
    }

    [Fact]
    public void Someone_elses_op_lands_under_our_pending_edits()
    {
        var replica = new DiagramReplica();
        replica.ReceiveConfirmed(1, AddNode("n_a"));
        var mine = UpdateNode("n_a", label: "mine");
        replica.ApplyLocal(mine);

        replica.ReceiveConfirmed(2, UpdateNode("n_a", label: "theirs", position: new(5, 5)));

        var node = replica.View.FindNode("n_a")!;
        Assert.Equal("mine", node.Label);
        Assert.Equal((5d, 5d), (node.X, node.Y));
        Assert.Equal("theirs", replica.Confirmed.FindNode("n_a")!.Label);

        replica.ReceiveConfirmed(3, mine);
        Assert.Equal("mine", replica.Confirmed.FindNode("n_a")!.Label);
        Assert.Equal(replica.Confirmed, replica.View);
    }

    [Fact]
    public void A_rejected_op_disappears_from_the_view()
    {
        var replica = new DiagramReplica();
        var add = AddNode("n_a");
        replica.ApplyLocal(add);
        replica.ApplyLocal(AddNode("n_b"));

        replica.ReceiveRejected(add.OpId);

        Assert.Null(replica.View.FindNode("n_a"));
        Assert.NotNull(replica.View.FindNode("n_b"));
        Assert.Single(replica.Pending);
    }

    [Fact]
    public void An_op_delivered_twice_is_applied_once()
    {
        var replica = new DiagramReplica();
        replica.ReceiveConfirmed(1, AddNode("n_a"));
        var rename = UpdateNode("n_a", label: "first");
        replica.ReceiveConfirmed(2, rename);
        replica.ReceiveConfirmed(3, UpdateNode("n_a", label: "second"));

        Assert.Equal(ServerOpOutcome.Duplicate, replica.ReceiveConfirmed(2, rename));

        Assert.Equal("second", replica.Confirmed.FindNode("n_a")!.Label);
        Assert.Equal(3, replica.LastSequence);
    }

    [Fact]
    public void A_gap_in_sequence_numbers_applies_nothing_and_asks_for_a_catch_up()
    {
        var replica = new DiagramReplica();
        replica.ReceiveConfirmed(1, AddNode("n_a"));

        Assert.Equal(ServerOpOutcome.Gap, replica.ReceiveConfirmed(3, AddNode("n_c")));

        Assert.Null(replica.Confirmed.FindNode("n_c"));
        Assert.Equal(1, replica.LastSequence);
    }

    [Fact]
    public void A_resync_from_a_snapshot_keeps_pending_edits_on_top()
    {
        var rules = Rules();
        var server = rules.Build(AddNode("n_a"), AddNode("n_b"));
        var replica = new DiagramReplica();
        var mine = UpdateNode("n_a", label: "mine");
        replica.ApplyLocal(mine);

        replica.Resync(server.ToSnapshot(), sequence: 2);

        Assert.Equal(server, replica.Confirmed);
        Assert.Equal("mine", replica.View.FindNode("n_a")!.Label);
        Assert.Equal(2, replica.LastSequence);

        replica.ReceiveAlreadyApplied(mine.OpId);
        Assert.Empty(replica.Pending);
        Assert.Equal(server, replica.View);
    }

    [Fact]
    public void A_pending_edit_to_an_element_someone_deleted_is_dropped_from_the_view()
    {
        var replica = new DiagramReplica();
        replica.ReceiveConfirmed(1, AddNode("n_a"));
        var move = UpdateNode("n_a", position: new(7, 7));
        replica.ApplyLocal(move);

        replica.ReceiveConfirmed(2, Delete("n_a"));

        Assert.Null(replica.View.FindNode("n_a"));
        replica.ReceiveConfirmed(3, move);
        Assert.Empty(replica.Pending);
        Assert.Equal(replica.Confirmed, replica.View);
    }
}
