namespace MockLoop.Core.Diagrams;

/// <summary>A position on the canvas. A move sets x and y together, so two concurrent moves never mix axes.</summary>
public sealed record DiagramPoint(double X, double Y);

/// <summary>A width and height, set together for the same reason as <see cref="DiagramPoint"/>.</summary>
public sealed record DiagramSize(double Width, double Height);

/// <summary>
/// The zone part of a node update, wrapped so "leave the zone" (<c>{ "zoneId": null }</c>) differs from "don't touch
/// the zone" (no <c>zone</c> property at all).
/// </summary>
public sealed record ZoneAssignment(string? ZoneId);
