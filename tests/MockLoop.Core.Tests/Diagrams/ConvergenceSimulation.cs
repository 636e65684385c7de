using MockLoop.Core.Diagrams;
using MockLoop.Core.Tests.Support;

namespace MockLoop.Core.Tests.Diagrams;

/// <summary>
/// Two browsers editing one diagram through a server, with every message in flight on its own FIFO channel and the
/// order in which sends, server processing and deliveries happen chosen by a seeded Random. Optionally a browser
/// drops its connection (losing whatever was in flight either way) and comes back by catch-up or by snapshot.
/// </summary>
internal sealed class ConvergenceSimulation
{
    private readonly Random random;
    private readonly bool withReconnects;
    private readonly SimulatedDiagramServer server;
    private readonly SimulatedClient[] clients;

    public ConvergenceSimulation(int seed, DiagramLimits limits, bool withReconnects)
    {
        random = new Random(seed);
        this.withReconnects = withReconnects;
        server = new SimulatedDiagramServer(DiagramKit.Rules(limits), new ManualTimeProvider());
        clients = [new("ana", random), new("ben", random)];
    }

    public SimulatedDiagramServer Server => server;

    public IReadOnlyList<SimulatedClient> Clients => clients;

    public int Rejections { get; private set; }

    public int Reconnects { get; private set; }

    public void Run(int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            Step();
            foreach (var client in clients)
            {
                AssertReplicaInvariants(client);
            }
        }

        Drain();
    }

    private void AssertReplicaInvariants(SimulatedClient client)
    {
        var replica = client.Replica;
        DiagramInvariants.AssertConsistent(replica.View);
        // What a browser draws is always its confirmed document with its pending ops on top, never anything else.
        Assert.Equal(replica.Pending.Aggregate(replica.Confirmed, (document, op) => document.Apply(op)), replica.View);
        // A browser with nothing pending that has heard everything the server accepted shows the server's document.
        if (replica.Pending.Count == 0 && replica.LastSequence == server.Sequence)
        {
            Assert.Equal(server.Document, replica.View);
        }
    }

    private void Step()
    {
        var client = clients[random.Next(clients.Length)];
        var roll = random.Next(100);
        if (roll < 40)
        {
            var op = client.Ops.Next(client.Replica.View);
            client.Ops.Saw(op);
            client.Replica.ApplyLocal(op);
            client.Outbox.Enqueue(op);
        }
        else if (roll < 68)
        {
            ServeNext(client);
        }
        else if (roll < 97)
        {
            DeliverNext(client);
        }
        else if (withReconnects)
        {
            Reconnect(client);
        }
    }

    private void Drain()
    {
        while (clients.Any(c => c.Outbox.Count > 0 || c.Inbox.Count > 0))
        {
            foreach (var client in clients)
            {
                ServeNext(client);
                DeliverNext(client);
            }
        }
    }

    private void ServeNext(SimulatedClient sender)
    {
        if (!sender.Outbox.TryDequeue(out var op))
        {
            return;
        }

        switch (server.Submit(op))
        {
            case SubmitOutcome.Accepted accepted:
                foreach (var client in clients)
                {
                    client.Inbox.Enqueue(new ServerMessage.Confirmed(accepted.Sequence, accepted.Event.Op));
                }

                break;
            case SubmitOutcome.Rejected rejected:
                Rejections++;
                sender.Inbox.Enqueue(new ServerMessage.Rejected(rejected.OpId));
                break;
            case SubmitOutcome.AlreadyApplied duplicate:
                sender.Inbox.Enqueue(new ServerMessage.AlreadyApplied(duplicate.OpId));
                break;
        }
    }

    private static void DeliverNext(SimulatedClient client)
    {
        if (!client.Inbox.TryDequeue(out var message))
        {
            return;
        }

        switch (message)
        {
            case ServerMessage.Confirmed confirmed:
                client.Ops.Saw(confirmed.Op);
                Assert.Equal(ServerOpOutcome.Applied, client.Replica.ReceiveConfirmed(confirmed.Sequence, confirmed.Op));
                break;
            case ServerMessage.Rejected rejected:
                client.Replica.ReceiveRejected(rejected.OpId);
                break;
            case ServerMessage.AlreadyApplied applied:
                client.Replica.ReceiveAlreadyApplied(applied.OpId);
                break;
        }
    }

    /// <summary>
    /// The connection drops: some of what was in flight gets through, the rest is lost, in both directions. On
    /// reconnect the browser catches up from its last sequence (or takes a snapshot) and resends all pending ops.
    /// </summary>
    private void Reconnect(SimulatedClient client)
    {
        Reconnects++;
        var delivered = random.Next(client.Inbox.Count + 1);
        for (var i = 0; i < delivered; i++)
        {
            DeliverNext(client);
        }

        client.Inbox.Clear();
        var reached = random.Next(client.Outbox.Count + 1);
        for (var i = 0; i < reached; i++)
        {
            ServeNext(client);
        }

        // Whatever the server said to this browser while it was away is lost with the connection.
        client.Inbox.Clear();
        client.Outbox.Clear();

        if (random.Next(2) == 0)
        {
            foreach (var (sequence, @event) in server.Since(client.Replica.LastSequence))
            {
                Assert.Equal(ServerOpOutcome.Applied, client.Replica.ReceiveConfirmed(sequence, @event.Op));
            }
        }
        else
        {
            client.Replica.Resync(DiagramJson.DeserializeSnapshot(DiagramJson.Serialize(server.Document.ToSnapshot())), server.Sequence);
        }

        foreach (var op in client.Replica.Pending)
        {
            client.Outbox.Enqueue(op);
        }
    }
}

internal sealed class SimulatedClient(string name, Random random)
{
    public string Name { get; } = name;

    public DiagramReplica Replica { get; } = new();

    public RandomDiagramOps Ops { get; } = new(random, name);

    public Queue<DiagramOp> Outbox { get; } = new();

    public Queue<ServerMessage> Inbox { get; } = new();
}

internal abstract record ServerMessage
{
    public sealed record Confirmed(long Sequence, DiagramOp Op) : ServerMessage;

    public sealed record Rejected(string OpId) : ServerMessage;

    public sealed record AlreadyApplied(string OpId) : ServerMessage;
}
