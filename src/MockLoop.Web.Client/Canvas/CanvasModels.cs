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
}
