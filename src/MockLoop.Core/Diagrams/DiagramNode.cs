using System.Text.Json.Serialization;

namespace MockLoop.Core.Diagrams;

/// <summary>
/// A box on the canvas: a component from the vocabulary (e.g. "feature-store") or a free-text note
/// (<see cref="NoteType"/>). Coordinates are absolute canvas coordinates, also for nodes inside a zone: zone
/// membership is logical, so un-parenting a node never moves it.
/// </summary>
public sealed record DiagramNode(
    string Id,
    string ComponentType,
    string Label,
    double X,
    double Y,
    double Width,
    double Height,
    string? ZoneId = null)
{
    /// <summary>The component type of free-text notes; always allowed, whatever the vocabulary.</summary>
    public const string NoteType = "note";

    [JsonIgnore]
    public bool IsNote => ComponentType == NoteType;
}
