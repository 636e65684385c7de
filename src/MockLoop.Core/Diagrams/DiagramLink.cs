namespace MockLoop.Core.Diagrams;

/// <summary>A connection between two nodes (never zones or links), optionally labelled and drawn as an arrow.</summary>
public sealed record DiagramLink(string Id, string SourceId, string TargetId, string? Label = null, bool Directed = true);
