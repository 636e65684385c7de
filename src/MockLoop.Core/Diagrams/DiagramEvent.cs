namespace MockLoop.Core.Diagrams;

/// <summary>
/// An op the server accepted, stamped with the server time. The live session gives it the next sequence number,
/// persists it, then broadcasts it; applying <see cref="Op"/> in sequence order rebuilds the document.
/// </summary>
public sealed record DiagramEvent(DiagramOp Op, DateTimeOffset At);
