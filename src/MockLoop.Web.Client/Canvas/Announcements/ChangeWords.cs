using MockLoop.Core.Diagrams;

namespace MockLoop.Web.Client.Canvas.Announcements;

/// <summary>One change put in words: what was done ("renamed") and to what ("Model server to Ranker").</summary>
public sealed record ChangeWords(string Verb, string What)
{
    /// <summary>
    /// An op in words, named as the document had it before the op (a deleted node's name is gone after it). Null for
    /// what is only a side effect of another change in the same gesture (a node taken into a resized zone).
    /// </summary>
    public static ChangeWords? Of(DiagramDocument before, DiagramOp op)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(op);
        return op switch
        {
            AddNodeOp add => new("added", NodeName(add.Node)),
            AddZoneOp add => new("added", $"the zone {add.Zone.Label}"),
            AddLinkOp add => new("linked", $"{Name(before, add.Link.SourceId)} to {Name(before, add.Link.TargetId)}"),
            UpdateNodeOp { Label: not null } update when before.FindNode(update.NodeId) is { IsNote: true } => new("edited", "a note"),
            UpdateNodeOp { Label: { } label } update => new("renamed", $"{Name(before, update.NodeId)} to {label}"),
            UpdateNodeOp { Position: not null } update => new("moved", Name(before, update.NodeId)),
            UpdateNodeOp { Size: not null } update => new("resized", Name(before, update.NodeId)),
            UpdateNodeOp { ComponentType: not null } update => new("changed the type of", Name(before, update.NodeId)),
            UpdateZoneOp { Label: { } label } update => new("renamed", $"the zone {Name(before, update.ZoneId)} to {label}"),
            UpdateZoneOp { Position: not null } update => new("moved", $"the zone {Name(before, update.ZoneId)}"),
            UpdateZoneOp { Size: not null } update => new("resized", $"the zone {Name(before, update.ZoneId)}"),
            UpdateLinkOp update when before.FindLink(update.LinkId) is { } link => update.Label is { } text
                ? new("labelled", $"the link from {Name(before, link.SourceId)} to {Name(before, link.TargetId)} “{text}”")
                : new("cleared the label of", $"the link from {Name(before, link.SourceId)} to {Name(before, link.TargetId)}"),
            DeleteElementOp delete when before.FindLink(delete.ElementId) is { } link =>
                new("deleted", $"the link from {Name(before, link.SourceId)} to {Name(before, link.TargetId)}"),
            DeleteElementOp delete when before.FindZone(delete.ElementId) is { } zone => new("deleted", $"the zone {zone.Label}"),
            DeleteElementOp delete when before.FindNode(delete.ElementId) is { } node => new("deleted", NodeName(node)),
            _ => null,
        };
    }

    // A note's text may be long, and reading it out is not what the announcement is for.
    private static string NodeName(DiagramNode node) => node.IsNote ? "a note" : node.Label;

    private static string Name(DiagramDocument document, string id) =>
        document.FindNode(id) is { } node ? NodeName(node) : document.FindZone(id)?.Label ?? "an element";
}
