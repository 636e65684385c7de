namespace MockLoop.Core.Diagrams;

/// <summary>A labelled group box such as "Offline training"; nodes join it through their ZoneId. Zones do not nest.</summary>
public sealed record DiagramZone(string Id, string Label, double X, double Y, double Width, double Height);
