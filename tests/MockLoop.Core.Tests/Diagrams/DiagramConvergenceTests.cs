using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Tests.Diagrams;

public class DiagramConvergenceTests
{
    // Small enough that adds hit the element cap and get rejected now and then.
    private static readonly DiagramLimits Tight = new() { MaxElements = 30 };

    [Fact]
    public void Two_users_editing_concurrently_converge_on_the_servers_document()
    {
        int rejections = 0, racesWithDeletes = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var simulation = new ConvergenceSimulation(seed, Tight, withReconnects: false);
            simulation.Run(steps: 300);
            AssertConverged(simulation, seed);
            rejections += simulation.Rejections;
            racesWithDeletes += simulation.Server.OpsOnDeletedElements;
        }

        // Guard against a generator that stopped producing the interesting cases.
        Assert.True(rejections > 300, $"only {rejections} rejections were exercised");
        Assert.True(racesWithDeletes > 300, $"only {racesWithDeletes} edits raced a delete");
    }

    [Fact]
    public void Users_who_lose_their_connection_mid_edit_still_converge_and_nothing_is_applied_twice()
    {
        var reconnects = 0;
        for (var seed = 1000; seed < 1200; seed++)
        {
            var simulation = new ConvergenceSimulation(seed, Tight, withReconnects: true);
            simulation.Run(steps: 300);
            AssertConverged(simulation, seed);
            reconnects += simulation.Reconnects;
        }

        Assert.True(reconnects > 100, $"only {reconnects} reconnects happened");
    }

    [Fact]
    public void Long_sessions_with_a_roomy_diagram_converge()
    {
        for (var seed = 5000; seed < 5020; seed++)
        {
            var simulation = new ConvergenceSimulation(seed, DiagramLimits.Default, withReconnects: true);
            simulation.Run(steps: 2000);
            AssertConverged(simulation, seed);
        }
    }

    private static void AssertConverged(ConvergenceSimulation simulation, int seed)
    {
        var server = simulation.Server;
        var expected = server.Document;
        var events = server.Log.Select(e => e.Event).ToList();
        foreach (var client in simulation.Clients)
        {
            Assert.True(client.Replica.Pending.Count == 0, $"seed {seed}: {client.Name} still has pending ops");
            Assert.True(expected.Equals(client.Replica.Confirmed), $"seed {seed}: {client.Name}'s confirmed document differs");
            Assert.True(expected.Equals(client.Replica.View), $"seed {seed}: {client.Name}'s view differs");
            Assert.Equal(expected.ToCanonicalJson(), client.Replica.View.ToCanonicalJson());
            Assert.Equal(server.Sequence, client.Replica.LastSequence);
        }

        DiagramInvariants.AssertConsistent(expected);
        Assert.True(expected.Equals(DiagramDocument.Replay(events)), $"seed {seed}: replay differs");
        var fromJson = events.Select(DiagramJson.Serialize).Select(DiagramJson.DeserializeEvent).ToList();
        Assert.True(expected.Equals(DiagramDocument.Replay(fromJson)), $"seed {seed}: replay from JSON differs");
        Assert.Equal(server.Log.Count, events.Select(e => e.Op.OpId).Distinct().Count());
        AssertDeletesWon(expected, events, seed);
        AssertLastWriterWon(expected, events, seed);
    }

    private static void AssertDeletesWon(DiagramDocument document, List<DiagramEvent> events, int seed)
    {
        foreach (var delete in events.Select(e => e.Op).OfType<DeleteElementOp>())
        {
            Assert.True(document.KindOf(delete.ElementId) is null, $"seed {seed}: {delete.ElementId} came back after its delete");
            Assert.True(document.IsDeleted(delete.ElementId), $"seed {seed}: {delete.ElementId} has no tombstone");
        }
    }

    /// <summary>An oracle independent of Apply: each live node's label and position come from the last op that set them.</summary>
    private static void AssertLastWriterWon(DiagramDocument document, List<DiagramEvent> events, int seed)
    {
        foreach (var node in document.Nodes)
        {
            string? label = null;
            (double, double)? position = null;
            foreach (var op in events.Select(e => e.Op))
            {
                switch (op)
                {
                    case AddNodeOp add when add.Node.Id == node.Id:
                        (label, position) = (add.Node.Label, (add.Node.X, add.Node.Y));
                        break;
                    case UpdateNodeOp update when update.NodeId == node.Id:
                        label = update.Label ?? label;
                        position = update.Position is { } p ? (p.X, p.Y) : position;
                        break;
                }
            }

            Assert.True(label == node.Label, $"seed {seed}: {node.Id} has label '{node.Label}', last written '{label}'");
            Assert.True(position == (node.X, node.Y), $"seed {seed}: {node.Id} is not where it was last moved");
        }
    }
}
