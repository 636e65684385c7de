using MockLoop.Core.Diagrams;

namespace MockLoop.Web.Client.Canvas.Keyboard;

/// <summary>
/// What the canvas's keyboard behaviours may see and do: the document, focus and selection, and the same edits a
/// mouse gesture makes. The canvas implements it; the behaviours hold no rules of the diagram (Core does).
/// </summary>
public interface ICanvasKeyboardHost
{
    DiagramDocument Document { get; }

    bool ReadOnly { get; }

    /// <summary>The node or zone that has keyboard focus, or null (focus is elsewhere).</summary>
    string? FocusedId { get; }

    /// <summary>The selected nodes and zones, in the order they were picked.</summary>
    IReadOnlyList<string> SelectedIds { get; }

    /// <summary>Everything focus can go to: nodes and zones, or only nodes (what a link can join).</summary>
    IReadOnlyList<NodeBox> Boxes(bool nodesOnly = false);

    /// <summary>Moves keyboard focus to a node or zone, scrolling the view to it if it is out of sight.</summary>
    void Focus(string id);

    /// <summary>Selects one node or zone, and nothing else.</summary>
    void Select(string id);

    void StartEditing(string id);

    /// <summary>One gesture's ops, sent as a mouse gesture sends them (one undo step).</summary>
    Task EditAsync(IReadOnlyList<DiagramOp> ops);

    /// <summary>Says briefly why something could not be done.</summary>
    void ShowNotice(string text);

    /// <summary>The label a person sees on a node or zone.</summary>
    string TitleOf(string id);
}
