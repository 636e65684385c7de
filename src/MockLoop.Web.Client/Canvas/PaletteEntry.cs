namespace MockLoop.Web.Client.Canvas;

/// <summary>One component of the shared vocabulary (rubrics/components.json) as the palette offers it.</summary>
public sealed record PaletteEntry(string Id, string Label, string Category, string Description);
