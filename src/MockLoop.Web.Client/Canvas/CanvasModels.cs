using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// A node of Core's DiagramDocument drawn on the Blazor.Diagrams canvas: a vocabulary component or a note. Its size
/// is controlled (known from the document), which spares a resize-observer round trip per node.
/// </summary>
public sealed class ComponentNodeModel : NodeModel
{
    public ComponentNodeModel(string id, Point position, Size size) : base(id, position)
    {
        ControlledSize = true;
        Size = size;
    }

    public string ComponentType { get; set; } = "";
    public string Category { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>The component's name in the vocabulary ("Feature store"), shown under a renamed node.</summary>
    public string TypeTitle { get; set; } = "";

    /// <summary>Who is dragging this node right now (the partner), or null: drawn as a name tag.</summary>
    public string? PeerName { get; set; }

    public bool IsNote => ComponentType == Core.Diagrams.DiagramNode.NoteType;
}

/// <summary>A zone (a labelled area nodes sit on), drawn behind the nodes. Membership is logical, as in Core.</summary>
public sealed class ZoneNodeModel : NodeModel
{
    public ZoneNodeModel(string id, Point position, Size size) : base(id, position)
    {
        ControlledSize = true;
        Size = size;
    }

    /// <summary>Who is dragging this zone right now (the partner), or null.</summary>
    public string? PeerName { get; set; }
}
