namespace MockLoop.Core.Diagrams;

/// <summary>
/// A whole diagram as plain lists sorted by id, for storage (jsonb), reconnects and the per-step snapshots of a report.
/// Deleted ids are included so a client that resyncs from a snapshot still treats late edits to them as no-ops.
/// </summary>
public sealed record DiagramSnapshot(
    IReadOnlyList<DiagramNode> Nodes,
    IReadOnlyList<DiagramZone> Zones,
    IReadOnlyList<DiagramLink> Links,
    IReadOnlyList<string> DeletedIds)
{
    public static DiagramSnapshot Empty { get; } = new([], [], [], []);
}
