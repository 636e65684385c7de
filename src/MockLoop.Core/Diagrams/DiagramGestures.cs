namespace MockLoop.Core.Diagrams;

/// <summary>
/// What a canvas gesture sends: pure functions from the current document to the ops of one gesture (one undo step).
/// Zone membership follows one rule, "a node belongs to the zone its centre lies in" (where zones overlap, the
/// smallest), applied whenever a gesture moves, resizes or adds something. Coordinates are absolute, so a zone carries
/// its members by moving them too. The React canvas had the same rules (gestures.ts).
/// </summary>
public static partial class DiagramGestures
{
    /// <summary>The zone a point lies in; where zones overlap, the smallest one (the one drawn on top).</summary>
    public static string? ZoneAt(IEnumerable<DiagramZone> zones, DiagramPoint point)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(point);
        DiagramZone? best = null;
        foreach (var zone in zones)
        {
            var inside = point.X >= zone.X && point.X <= zone.X + zone.Width && point.Y >= zone.Y && point.Y <= zone.Y + zone.Height;
            if (inside && (best is null || zone.Width * zone.Height < best.Width * best.Height))
            {
                best = zone;
            }
        }

        return best?.Id;
    }

    private static DiagramPoint Centre(double x, double y, double width, double height) => new(x + width / 2, y + height / 2);

    /// <summary>A new node joins the zone its centre lands in.</summary>
    public static DiagramNode PlaceInZone(DiagramDocument document, DiagramNode node)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(node);
        return node with { ZoneId = ZoneAt(document.Zones, Centre(node.X, node.Y, node.Width, node.Height)) };
    }

    /// <summary>
    /// The end of a drag or a keyboard move: one op per element that moved. A moved zone carries its members along
    /// (those not moved themselves); a moved node joins the zone its centre ends up in, or leaves its zone, in the same
    /// op as its position.
    /// </summary>
    public static IReadOnlyList<DiagramOp> Move(DiagramDocument document, Func<string, string> newId, IReadOnlyDictionary<string, DiagramPoint> moved)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(newId);
        ArgumentNullException.ThrowIfNull(moved);
        var ops = new List<DiagramOp>();
        var finalZones = document.Zones.Select(z => moved.TryGetValue(z.Id, out var to) ? z with { X = to.X, Y = to.Y } : z).ToList();

        foreach (var (id, to) in moved)
        {
            if (document.FindZone(id) is not { } zone || (to.X, to.Y) == (zone.X, zone.Y))
            {
                continue;
            }

            var (dx, dy) = (to.X - zone.X, to.Y - zone.Y);
            ops.Add(new UpdateZoneOp(newId("op"), id, Position: to));
            ops.AddRange(document.Nodes
                .Where(member => member.ZoneId == id && !moved.ContainsKey(member.Id))
                .Select(member => new UpdateNodeOp(newId("op"), member.Id, Position: new DiagramPoint(member.X + dx, member.Y + dy))));
        }

        foreach (var (id, to) in moved)
        {
            if (document.FindNode(id) is not { } node)
            {
                continue;
            }

            var position = (to.X, to.Y) == (node.X, node.Y) ? null : to;
            var zoneId = ZoneAt(finalZones, Centre(to.X, to.Y, node.Width, node.Height));
            var zone = zoneId == node.ZoneId ? null : new ZoneAssignment(zoneId);
            if (position is not null || zone is not null)
            {
                ops.Add(new UpdateNodeOp(newId("op"), id, Position: position, Zone: zone));
            }
        }

        return ops;
    }

    /// <summary>
    /// The end of a resize (the top-left corner stays). A resized node may change zone; a resized zone takes in or
    /// lets go of the nodes it now covers.
    /// </summary>
    public static IReadOnlyList<DiagramOp> Resize(DiagramDocument document, Func<string, string> newId, string id, DiagramSize size)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(newId);
        ArgumentNullException.ThrowIfNull(size);
        if (document.FindNode(id) is { } node)
        {
            if ((size.Width, size.Height) == (node.Width, node.Height))
            {
                return [];
            }

            var zoneId = ZoneAt(document.Zones, Centre(node.X, node.Y, size.Width, size.Height));
            return [new UpdateNodeOp(newId("op"), id, Size: size, Zone: zoneId == node.ZoneId ? null : new ZoneAssignment(zoneId))];
        }

        if (document.FindZone(id) is not { } zone || (size.Width, size.Height) == (zone.Width, zone.Height))
        {
            return [];
        }

        var ops = new List<DiagramOp> { new UpdateZoneOp(newId("op"), id, Size: size) };
        var resized = document.Zones.Select(z => z.Id == id ? z with { Width = size.Width, Height = size.Height } : z).ToList();
        foreach (var n in document.Nodes.Where(n => n.ZoneId is null || n.ZoneId == id))
        {
            var now = ZoneAt(resized, Centre(n.X, n.Y, n.Width, n.Height));
            if (now != n.ZoneId)
            {
                ops.Add(new UpdateNodeOp(newId("op"), n.Id, Zone: new ZoneAssignment(now)));
            }
        }

        return ops;
    }
}
