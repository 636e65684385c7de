namespace MockLoop.Core.Diagrams;

/// <summary>
/// Undo and redo of one person's OWN edits in a shared diagram (docs/decisions/093-undo-of-own-edits.md). Each local
/// gesture (one or more ops) records its inverse, computed against the document it was applied to, and is undone as
/// one step. Inverses are ordinary ops: the client applies and sends them like any edit, so the server and the peer
/// see a normal change, and the peer's edits are never touched:
/// <list type="bullet">
/// <item>add → delete the element;</item>
/// <item>update → set back only the properties the update set, so a peer's change to another property survives;</item>
/// <item>delete → re-create the element (a node with its links, a zone with its members) under a NEW id, because the
/// deleted id is a tombstone that the merge rule turns every re-add into a no-op. Later steps that name the old id
/// are redirected to the new one.</item>
/// </list>
/// Undo runs against the current document, the peer's edits included: a step whose element is gone is skipped, and
/// an entry left with nothing to do gives way to the next one.
/// </summary>
public sealed class UndoHistory(Func<string, string> newId, int maxEntries = 200)
{
    /// <summary>One op of an entry; <see cref="Recreates"/> names the deleted element an add brings back.</summary>
    private sealed record Step(DiagramOp Op, string? Recreates = null);

    private readonly List<List<Step>> undo = [];
    private readonly List<List<Step>> redo = [];

    // Deleted id → the id it was re-created under by an undo or a redo.
    private readonly Dictionary<string, string> aliases = new(StringComparer.Ordinal);

    public bool CanUndo => undo.Count > 0;

    public bool CanRedo => redo.Count > 0;

    /// <summary>
    /// A local gesture's ops, about to be applied on top of <paramref name="before"/>. Ops that change nothing leave
    /// nothing to undo. A new edit ends the redo history, as in every editor.
    /// </summary>
    public void Record(IReadOnlyList<DiagramOp> ops, DiagramDocument before)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ArgumentNullException.ThrowIfNull(before);
        var inverse = InvertAll(ops, before);
        if (inverse.Count == 0)
        {
            return;
        }

        undo.Add(inverse);
        if (undo.Count > maxEntries)
        {
            undo.RemoveAt(0);
        }

        redo.Clear();
    }

    /// <summary>The ops that undo the latest entry that still applies to <paramref name="current"/>; empty if none.</summary>
    public IReadOnlyList<DiagramOp> Undo(DiagramDocument current) => Replay(undo, redo, current);

    /// <summary>The ops that redo the latest undone entry that still applies; empty if none.</summary>
    public IReadOnlyList<DiagramOp> Redo(DiagramDocument current) => Replay(redo, undo, current);

    private List<DiagramOp> Replay(List<List<Step>> from, List<List<Step>> to, DiagramDocument current)
    {
        ArgumentNullException.ThrowIfNull(current);
        while (from.Count > 0)
        {
            var entry = from[^1];
            from.RemoveAt(from.Count - 1);
            var (ops, inverse) = Execute(entry, current);
            if (ops.Count > 0)
            {
                to.Add(inverse);
                return ops;
            }
        }

        return [];
    }

    private (List<DiagramOp> Ops, List<Step> Inverse) Execute(List<Step> entry, DiagramDocument current)
    {
        var rolling = current;
        var ops = new List<DiagramOp>();
        var inverses = new List<List<Step>>();
        foreach (var step in entry)
        {
            var op = Resolve(step.Op, rolling);
            if (op is null)
            {
                continue;
            }

            inverses.Add(Invert(op, rolling));
            rolling = rolling.Apply(op);
            ops.Add(op);
            // Registered once the add has happened, so the steps after it (the element's links) find the new id.
            if (step.Recreates is { } old && AddedId(op) is { } created)
            {
                aliases[old] = created;
            }
        }

        inverses.Reverse();
        return (ops, [.. inverses.SelectMany(s => s)]);
    }

    private List<Step> InvertAll(IReadOnlyList<DiagramOp> ops, DiagramDocument before)
    {
        var rolling = before;
        var inverses = new List<List<Step>>();
        foreach (var op in ops)
        {
            inverses.Add(Invert(op, rolling));
            rolling = rolling.Apply(op);
        }

        // Undo runs backwards: the inverse of the last op first.
        inverses.Reverse();
        return [.. inverses.SelectMany(s => s)];
    }

    /// <summary>The steps that take <paramref name="document"/> back from <paramref name="op"/>, computed before it is applied.</summary>
    private List<Step> Invert(DiagramOp op, DiagramDocument document)
    {
        switch (op)
        {
            case AddNodeOp or AddZoneOp or AddLinkOp:
                var id = AddedId(op);
                var after = document.Apply(op);
                return id is not null && !ReferenceEquals(after, document) && after.KindOf(id) is not null
                    ? [new Step(new DeleteElementOp(NewOpId(), id))]
                    : [];

            case UpdateNodeOp update when document.FindNode(update.NodeId) is { } node:
                return [new Step(new UpdateNodeOp(
                    NewOpId(),
                    node.Id,
                    Label: update.Label is null ? null : node.Label,
                    Position: update.Position is null ? null : new DiagramPoint(node.X, node.Y),
                    Size: update.Size is null ? null : new DiagramSize(node.Width, node.Height),
                    Zone: update.Zone is null ? null : new ZoneAssignment(node.ZoneId),
                    ComponentType: update.ComponentType is null ? null : node.ComponentType))];

            case UpdateZoneOp update when document.FindZone(update.ZoneId) is { } zone:
                return [new Step(new UpdateZoneOp(
                    NewOpId(),
                    zone.Id,
                    Label: update.Label is null ? null : zone.Label,
                    Position: update.Position is null ? null : new DiagramPoint(zone.X, zone.Y),
                    Size: update.Size is null ? null : new DiagramSize(zone.Width, zone.Height)))];

            case UpdateLinkOp update when document.FindLink(update.LinkId) is { } link:
                return [new Step(new UpdateLinkOp(NewOpId(), link.Id, link.Label))];

            case DeleteElementOp delete:
                return Recreate(delete.ElementId, document);

            default:
                return [];
        }
    }

    private List<Step> Recreate(string id, DiagramDocument document)
    {
        if (document.FindNode(id) is { } node)
        {
            var steps = new List<Step> { new(new AddNodeOp(NewOpId(), node with { Id = newId("n") }), id) };
            steps.AddRange(document.Links.Where(l => l.SourceId == id || l.TargetId == id).Select(RecreateLink));
            return steps;
        }

        if (document.FindZone(id) is { } zone)
        {
            var steps = new List<Step> { new(new AddZoneOp(NewOpId(), zone with { Id = newId("z") }), id) };
            steps.AddRange(document.Nodes.Where(n => n.ZoneId == id)
                .Select(member => new Step(new UpdateNodeOp(NewOpId(), member.Id, Zone: new ZoneAssignment(id)))));
            return steps;
        }

        return document.FindLink(id) is { } link ? [RecreateLink(link)] : [];
    }

    private Step RecreateLink(DiagramLink link) => new(new AddLinkOp(NewOpId(), link with { Id = newId("l") }), link.Id);

    private string Alias(string id)
    {
        var current = id;
        while (aliases.TryGetValue(current, out var next))
        {
            current = next;
        }

        return current;
    }

    /// <summary>
    /// The step's op with ids redirected to re-created elements and a fresh op id, or null when it no longer applies:
    /// its element (or a link's end) is gone, usually because the peer deleted it.
    /// </summary>
    private DiagramOp? Resolve(DiagramOp op, DiagramDocument document)
    {
        bool Live(string id, DiagramElementKind kind) => document.KindOf(id) == kind;
        var opId = NewOpId();
        switch (op)
        {
            case AddNodeOp add:
                var zoneId = add.Node.ZoneId is null ? null : Alias(add.Node.ZoneId);
                return new AddNodeOp(opId, add.Node with { ZoneId = zoneId is not null && Live(zoneId, DiagramElementKind.Zone) ? zoneId : null });

            case AddZoneOp add:
                return add with { OpId = opId };

            case AddLinkOp add:
                var source = Alias(add.Link.SourceId);
                var target = Alias(add.Link.TargetId);
                return Live(source, DiagramElementKind.Node) && Live(target, DiagramElementKind.Node)
                    ? new AddLinkOp(opId, add.Link with { SourceId = source, TargetId = target })
                    : null;

            case UpdateNodeOp update:
                var nodeId = Alias(update.NodeId);
                if (!Live(nodeId, DiagramElementKind.Node))
                {
                    return null;
                }

                var zone = update.Zone;
                if (zone?.ZoneId is { } joined)
                {
                    // The zone it belonged to is gone (the peer deleted it): the node leaves its zone instead, as the
                    // server would resolve it, so membership matches the restored position.
                    var alias = Alias(joined);
                    zone = new ZoneAssignment(Live(alias, DiagramElementKind.Zone) ? alias : null);
                }

                return update with { OpId = opId, NodeId = nodeId, Zone = zone };

            case UpdateZoneOp update:
                var liveZone = Alias(update.ZoneId);
                return Live(liveZone, DiagramElementKind.Zone) ? update with { OpId = opId, ZoneId = liveZone } : null;

            case UpdateLinkOp update:
                var linkId = Alias(update.LinkId);
                return Live(linkId, DiagramElementKind.Link) ? update with { OpId = opId, LinkId = linkId } : null;

            case DeleteElementOp delete:
                var elementId = Alias(delete.ElementId);
                return document.KindOf(elementId) is not null ? delete with { OpId = opId, ElementId = elementId } : null;

            default:
                return null;
        }
    }

    private static string? AddedId(DiagramOp op) => op switch
    {
        AddNodeOp add => add.Node.Id,
        AddZoneOp add => add.Zone.Id,
        AddLinkOp add => add.Link.Id,
        _ => null,
    };

    private string NewOpId() => newId("op");
}
