namespace MockLoop.Core.Diagrams;

/// <summary>A gesture's ops, or why it does nothing (shown to the person, never sent).</summary>
public sealed record GesturePlan(IReadOnlyList<DiagramOp> Ops, string? Problem = null)
{
    public static GesturePlan Refused(string problem) => new([], problem);
}

public static partial class DiagramGestures
{
    /// <summary>
    /// While zones are being dragged (not yet dropped), where their members are drawn: each member moves by its zone's
    /// offset, so a zone carries its nodes on screen during the drag exactly as <see cref="Move"/> will at the drop.
    /// Members dragged themselves keep their own position. The same rule draws the partner's zone drag.
    /// </summary>
    public static IReadOnlyDictionary<string, DiagramPoint> Carried(DiagramDocument document, IReadOnlyDictionary<string, DiagramPoint> dragged)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(dragged);
        var carried = new Dictionary<string, DiagramPoint>(StringComparer.Ordinal);
        foreach (var (id, now) in dragged)
        {
            if (document.FindZone(id) is not { } zone)
            {
                continue;
            }

            var (dx, dy) = (now.X - zone.X, now.Y - zone.Y);
            foreach (var member in document.Nodes.Where(n => n.ZoneId == id && !dragged.ContainsKey(n.Id)))
            {
                carried[member.Id] = new DiagramPoint(member.X + dx, member.Y + dy);
            }
        }

        return carried;
    }

    /// <summary>A new zone, taking in the nodes outside any zone whose centre it covers (one gesture, one undo).</summary>
    public static IReadOnlyList<DiagramOp> AddZone(DiagramDocument document, Func<string, string> newId, DiagramZone zone)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(newId);
        ArgumentNullException.ThrowIfNull(zone);
        var ops = new List<DiagramOp> { new AddZoneOp(newId("op"), zone) };
        ops.AddRange(document.Nodes
            .Where(n => n.ZoneId is null && ZoneAt([zone], Centre(n.X, n.Y, n.Width, n.Height)) is not null)
            .Select(n => new UpdateNodeOp(newId("op"), n.Id, Zone: new ZoneAssignment(zone.Id))));
        return ops;
    }

    /// <summary>The node (component or note, never a zone) under a point; where nodes overlap, the one drawn last.</summary>
    public static string? NodeAt(DiagramDocument document, DiagramPoint point)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(point);
        return document.Nodes
            .LastOrDefault(n => point.X >= n.X && point.X <= n.X + n.Width && point.Y >= n.Y && point.Y <= n.Y + n.Height)?.Id;
    }

    /// <summary>A directed link dragged from one node to another, unless it would be pointless or over the limit.</summary>
    public static GesturePlan Link(DiagramDocument document, Func<string, string> newId, string sourceId, string targetId, DiagramLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(newId);
        if (sourceId == targetId)
        {
            return GesturePlan.Refused("A link needs two different nodes.");
        }

        if (document.FindNode(sourceId) is null || document.FindNode(targetId) is null)
        {
            return GesturePlan.Refused("Links join components and notes, not zones.");
        }

        if (document.Links.Any(l => l.SourceId == sourceId && l.TargetId == targetId))
        {
            return GesturePlan.Refused("These two nodes are already linked in this direction.");
        }

        return DiagramCapacity.Problem(document, limits) is { } problem
            ? GesturePlan.Refused(problem)
            : new GesturePlan([new AddLinkOp(newId("op"), new DiagramLink(newId("l"), sourceId, targetId))]);
    }

    /// <summary>
    /// A rename typed on the canvas. Components and zones need a name, so clearing one keeps the old name; clearing a
    /// link's label removes it; a note may be empty (trailing space dropped, its lines kept). Text over the limit is cut
    /// to it; an unchanged name sends nothing.
    /// </summary>
    public static IReadOnlyList<DiagramOp> Rename(DiagramDocument document, Func<string, string> newId, string id, string text, DiagramLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(newId);
        ArgumentNullException.ThrowIfNull(text);
        var l = limits ?? DiagramLimits.Default;
        if (document.FindNode(id) is { } node)
        {
            var label = Cut(node.IsNote ? text.TrimEnd() : text.Trim(), node.IsNote ? l.MaxNoteLength : l.MaxLabelLength);
            return label == node.Label || (!node.IsNote && label.Length == 0) ? [] : [new UpdateNodeOp(newId("op"), id, Label: label)];
        }

        if (document.FindZone(id) is { } zone)
        {
            var label = Cut(text.Trim(), l.MaxLabelLength);
            return label == zone.Label || label.Length == 0 ? [] : [new UpdateZoneOp(newId("op"), id, Label: label)];
        }

        if (document.FindLink(id) is { } link)
        {
            var trimmed = Cut(text.Trim(), l.MaxLabelLength);
            var label = trimmed.Length == 0 ? null : trimmed;
            return label == link.Label ? [] : [new UpdateLinkOp(newId("op"), id, label)];
        }

        return [];
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
