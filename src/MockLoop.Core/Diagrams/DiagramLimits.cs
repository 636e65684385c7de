namespace MockLoop.Core.Diagrams;

/// <summary>
/// Bounds that keep one diagram small enough to sync, store and render. Defaults fit a 45-minute interview with room
/// to spare; the host may tighten them from configuration.
/// </summary>
public sealed record DiagramLimits
{
    public static DiagramLimits Default { get; } = new();

    /// <summary>Live nodes, zones and links together.</summary>
    public int MaxElements { get; init; } = 500;

    /// <summary>
    /// Elements ever created, deleted ones included. Deleted ids stay as tombstones (they are what makes "delete wins"
    /// work), so this caps how big an add/delete loop can grow the document.
    /// </summary>
    public int MaxCreatedElements { get; init; } = 5_000;

    public int MaxLabelLength { get; init; } = 200;

    /// <summary>Notes are free text, so they get more room than a component's label.</summary>
    public int MaxNoteLength { get; init; } = 2_000;

    /// <summary>Coordinates must be finite and within ±this value.</summary>
    public double MaxCoordinate { get; init; } = 1_000_000;

    public double MinSize { get; init; } = 8;

    public double MaxSize { get; init; } = 20_000;
}
