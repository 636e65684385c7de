namespace MockLoop.Core.Diagrams;

/// <summary>
/// Applying ops: a pure function that never throws. The server only applies ops <see cref="DiagramRules"/> accepted;
/// a client also applies its own not-yet-confirmed ops on top of the confirmed document, where an op may have been
/// overtaken by someone else's (its element deleted meanwhile), so anything that no longer fits is skipped.
/// </summary>
/// <remarks>
/// The merge rule (docs/decisions/012-domain-diagram-merge-rule.md): ops take effect in server order; each property an
/// update sets is its own last-writer-wins register, so an update touches only what it carries; a delete wins over
/// every later edit to the deleted element, because the id stays as a tombstone that later edits hit as no-ops.
/// </remarks>
public sealed partial class DiagramDocument
{
    public DiagramDocument Apply(DiagramEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Apply(@event.Op);
    }

    public DiagramDocument Apply(DiagramOp op) => op switch
    {
        AddNodeOp { Node: { } node } => AddNode(node),
        UpdateNodeOp update => UpdateNode(update),
        AddZoneOp { Zone: { } zone } => AddZone(zone),
        UpdateZoneOp update => UpdateZone(update),
        AddLinkOp { Link: { } link } => AddLink(link),
        UpdateLinkOp update => UpdateLink(update),
        DeleteElementOp delete => Delete(delete.ElementId),
        _ => this,
    };

    private bool IsFree(string? id) => id is not null && !IsDeleted(id) && KindOf(id) is null;

    // A zone that is gone (deleted meanwhile) leaves the node in no zone: the same result as if the zone had been
    // deleted after the node joined it, so both orders of a "join zone" and "delete zone" race agree.
    private string? LiveZoneOrNone(string? zoneId) => zoneId is not null && zones.ContainsKey(zoneId) ? zoneId : null;

    private DiagramDocument AddNode(DiagramNode node)
    {
        if (!IsFree(node.Id))
        {
            return this;
        }

        var added = node with { ZoneId = LiveZoneOrNone(node.ZoneId) };
        return new DiagramDocument(nodes.Add(node.Id, added), zones, links, deleted);
    }

    private DiagramDocument UpdateNode(UpdateNodeOp op)
    {
        if (op.NodeId is null || !nodes.TryGetValue(op.NodeId, out var node))
        {
            return this;
        }

        var updated = node with
        {
            Label = op.Label ?? node.Label,
            ComponentType = op.ComponentType ?? node.ComponentType,
            X = op.Position?.X ?? node.X,
            Y = op.Position?.Y ?? node.Y,
            Width = op.Size?.Width ?? node.Width,
            Height = op.Size?.Height ?? node.Height,
            ZoneId = op.Zone is { } assignment ? LiveZoneOrNone(assignment.ZoneId) : node.ZoneId,
        };
        return new DiagramDocument(nodes.SetItem(node.Id, updated), zones, links, deleted);
    }

    private DiagramDocument AddZone(DiagramZone zone) =>
        IsFree(zone.Id) ? new DiagramDocument(nodes, zones.Add(zone.Id, zone), links, deleted) : this;

    private DiagramDocument UpdateZone(UpdateZoneOp op)
    {
        if (op.ZoneId is null || !zones.TryGetValue(op.ZoneId, out var zone))
        {
            return this;
        }

        var updated = zone with
        {
            Label = op.Label ?? zone.Label,
            X = op.Position?.X ?? zone.X,
            Y = op.Position?.Y ?? zone.Y,
            Width = op.Size?.Width ?? zone.Width,
            Height = op.Size?.Height ?? zone.Height,
        };
        return new DiagramDocument(nodes, zones.SetItem(zone.Id, updated), links, deleted);
    }

    private DiagramDocument AddLink(DiagramLink link)
    {
        if (!IsFree(link.Id) || link.SourceId is null || link.TargetId is null || link.SourceId == link.TargetId)
        {
            return this;
        }

        bool IsLiveNode(string id) => nodes.ContainsKey(id);
        bool IsUsable(string id) => IsLiveNode(id) || IsDeleted(id);
        if (!IsUsable(link.SourceId) || !IsUsable(link.TargetId))
        {
            return this;
        }

        if (IsLiveNode(link.SourceId) && IsLiveNode(link.TargetId))
        {
            return new DiagramDocument(nodes, zones, links.Add(link.Id, link), deleted);
        }

        // An endpoint was deleted first: the link is born deleted, the same end state as "add link, then delete its
        // node" (which removes the link and tombstones its id), so later edits to it are no-ops either way.
        return new DiagramDocument(nodes, zones, links, deleted.Add(link.Id));
    }

    private DiagramDocument UpdateLink(UpdateLinkOp op) =>
        op.LinkId is not null && links.TryGetValue(op.LinkId, out var link)
            ? new DiagramDocument(nodes, zones, links.SetItem(link.Id, link with { Label = op.Label }), deleted)
            : this;

    private DiagramDocument Delete(string? id)
    {
        switch (KindOf(id))
        {
            case DiagramElementKind.Node:
                var attached = links.Values.Where(l => l.SourceId == id || l.TargetId == id).Select(l => l.Id).ToList();
                return new DiagramDocument(
                    nodes.Remove(id!),
                    zones,
                    links.RemoveRange(attached),
                    deleted.Add(id!).Union(attached));

            case DiagramElementKind.Zone:
                // Members stay where they are on the canvas (coordinates are absolute); they just leave the zone.
                var released = nodes.Values.Where(n => n.ZoneId == id).Select(n => n with { ZoneId = null });
                return new DiagramDocument(
                    nodes.SetItems(released.Select(n => KeyValuePair.Create(n.Id, n))),
                    zones.Remove(id!),
                    links,
                    deleted.Add(id!));

            case DiagramElementKind.Link:
                return new DiagramDocument(nodes, zones, links.Remove(id!), deleted.Add(id!));

            default:
                return this;
        }
    }
}
