using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Tests.Diagrams;

/// <summary>
/// Makes the kind of edits a person makes on the canvas, chosen at random from what their own view shows, plus some
/// aimed at elements they once saw (possibly deleted since) and a few malformed ones the server must reject.
/// </summary>
internal sealed class RandomDiagramOps(Random random, string author)
{
    private int counter;

    /// <summary>Every element id this author has seen; edits aimed at these may hit tombstones.</summary>
    public List<string> KnownIds { get; } = [];

    public DiagramOp Next(DiagramDocument view)
    {
        var nodes = view.Nodes.ToList();
        var zones = view.Zones.ToList();
        var links = view.Links.ToList();
        var roll = random.Next(100);
        return roll switch
        {
            < 14 => AddNode(zones),
            < 19 => AddZone(),
            < 31 when nodes.Count >= 2 => AddLink(nodes),
            < 56 when nodes.Count > 0 => UpdateNode(Pick(nodes).Id, zones),
            < 61 when zones.Count > 0 => UpdateZone(Pick(zones).Id),
            < 66 when links.Count > 0 => new UpdateLinkOp(OpId(), Pick(links).Id, random.Next(3) == 0 ? null : Text()),
            < 82 when view.ElementCount > 0 => new DeleteElementOp(OpId(), PickAny(nodes, zones, links)),
            < 96 when KnownIds.Count > 0 => AtKnownId(Pick(KnownIds), zones),
            < 100 => Malformed(nodes),
            _ => AddNode(zones),
        };
    }

    public void Saw(DiagramOp op)
    {
        var id = op switch
        {
            AddNodeOp a => a.Node.Id,
            AddZoneOp a => a.Zone.Id,
            AddLinkOp a => a.Link.Id,
            _ => null,
        };
        if (id is not null && !KnownIds.Contains(id))
        {
            KnownIds.Add(id);
        }
    }

    private DiagramOp AddNode(List<DiagramZone> zones)
    {
        var type = Pick(DiagramKit.Vocabulary.Append(DiagramNode.NoteType).ToList());
        var zone = zones.Count > 0 && random.Next(3) == 0 ? Pick(zones).Id : null;
        var node = new DiagramNode(NewId("n"), type, Text(), Coordinate(), Coordinate(), Size(), Size(), zone);
        return new AddNodeOp(OpId(), node);
    }

    private DiagramOp AddZone() =>
        new AddZoneOp(OpId(), new DiagramZone(NewId("z"), Text(), Coordinate(), Coordinate(), Size() * 4, Size() * 4));

    private DiagramOp AddLink(List<DiagramNode> nodes)
    {
        var source = Pick(nodes).Id;
        var target = Pick(nodes.Where(n => n.Id != source).ToList()).Id;
        return new AddLinkOp(OpId(), new DiagramLink(NewId("l"), source, target, random.Next(2) == 0 ? null : Text(), random.Next(4) != 0));
    }

    private UpdateNodeOp UpdateNode(string id, List<DiagramZone> zones)
    {
        // Each property is included independently, so concurrent partial updates overlap in every combination.
        UpdateNodeOp op;
        do
        {
            op = new UpdateNodeOp(
                OpId(),
                id,
                Label: Maybe(Text),
                Position: Maybe(() => new DiagramPoint(Coordinate(), Coordinate())),
                Size: Maybe(() => new DiagramSize(Size(), Size())),
                Zone: Maybe(() => new ZoneAssignment(zones.Count > 0 && random.Next(3) != 0 ? Pick(zones).Id : null)));
        }
        while (op is { Label: null, Position: null, Size: null, Zone: null });

        return op;
    }

    private UpdateZoneOp UpdateZone(string id) =>
        random.Next(2) == 0
            ? new UpdateZoneOp(OpId(), id, Label: Text())
            : new UpdateZoneOp(OpId(), id, Position: new DiagramPoint(Coordinate(), Coordinate()));

    private DiagramOp AtKnownId(string id, List<DiagramZone> zones) =>
        random.Next(4) == 0 ? new DeleteElementOp(OpId(), id)
        : id[0] switch
        {
            'n' => UpdateNode(id, zones),
            'z' => UpdateZone(id),
            _ => new UpdateLinkOp(OpId(), id, Text()),
        };

    private DiagramOp Malformed(List<DiagramNode> nodes) => random.Next(3) switch
    {
        0 => new AddNodeOp(OpId(), new DiagramNode(NewId("n"), "ranker", new string('x', 201), 0, 0, 100, 50)),
        1 when nodes.Count > 0 => new UpdateNodeOp(OpId(), Pick(nodes).Id, Position: new DiagramPoint(double.NaN, 0)),
        _ => new AddNodeOp(OpId(), new DiagramNode(NewId("n"), "not-a-component", "x", 0, 0, 100, 50)),
    };

    private string NewId(string prefix) => $"{prefix}_{author}{++counter}";

    private string OpId() => $"op_{author}{++counter}";

    private string Text() => $"{author}-{random.Next(1000)}";

    private double Coordinate() => Math.Round(random.NextDouble() * 2000 - 1000, 1);

    private double Size() => 20 + random.Next(200);

    private T? Maybe<T>(Func<T> make)
        where T : class => random.Next(2) == 0 ? make() : null;

    private T Pick<T>(List<T> items) => items[random.Next(items.Count)];

    private string PickAny(List<DiagramNode> nodes, List<DiagramZone> zones, List<DiagramLink> links)
    {
        var ids = nodes.Select(n => n.Id).Concat(zones.Select(z => z.Id)).Concat(links.Select(l => l.Id)).ToList();
        return Pick(ids);
    }
}
