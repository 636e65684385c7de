namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// The icons' shapes as SVG path data on a 20×20 grid (see Icon.razor). Categories of the vocabulary and the canvas's
/// tools share one table; a category this table does not know (a new one in components.json) gets a plain rounded box.
/// </summary>
public static class Icons
{
    private static readonly string[] Fallback = ["M4 4h12v12H4z"];

    private static readonly Dictionary<string, string[]> Shapes = new(StringComparer.Ordinal)
    {
        // Categories of the vocabulary.
        ["client"] = ["M3 4h14v9H3z", "M7 16h6", "M10 13v3"],
        ["edge"] = ["M10 2l7 8-7 8-7-8z"],
        ["service"] = ["M3 4h14v5H3z", "M3 11h14v5H3z", "M6 6.5h.01", "M6 13.5h.01"],
        ["data"] = ["M4 5c0-1.7 12-1.7 12 0v10c0 1.7-12 1.7-12 0z", "M4 5c0 1.7 12 1.7 12 0", "M4 10c0 1.7 12 1.7 12 0"],
        ["streaming"] = ["M2 6c3-2 5 2 8 0s5-2 8 0", "M2 10c3-2 5 2 8 0s5-2 8 0", "M2 14c3-2 5 2 8 0s5-2 8 0"],
        ["ml-training"] = ["M10 3v3", "M10 14v3", "M3 10h3", "M14 10h3", "M6 10a4 4 0 1 0 8 0a4 4 0 1 0-8 0"],
        ["ml-serving"] = ["M3 7h12l-3-3", "M17 13H5l3 3"],
        ["experimentation"] = ["M8 3h4", "M9 3v5l-5 8h12l-5-8V3"],
        ["observability"] = ["M3 16V4", "M3 16h14", "M6 12l3-4 3 2 4-5"],
        ["labelling"] = ["M3 11l7-7h6v6l-7 7z", "M13 7h.01"],
        ["llm"] = ["M10 2l1.8 5.2L17 9l-5.2 1.8L10 16l-1.8-5.2L3 9l5.2-1.8z"],
        // Tools.
        ["undo"] = ["M7 4L3 8l4 4", "M3 8h9a5 5 0 0 1 0 10h-3"],
        ["redo"] = ["M13 4l4 4-4 4", "M17 8H8a5 5 0 0 0 0 10h3"],
        ["zoom-in"] = ["M3 9a6 6 0 1 0 12 0a6 6 0 1 0-12 0", "M13.5 13.5L18 18", "M6 9h6", "M9 6v6"],
        ["zoom-out"] = ["M3 9a6 6 0 1 0 12 0a6 6 0 1 0-12 0", "M13.5 13.5L18 18", "M6 9h6"],
        ["fit"] = ["M3 7V3h4", "M13 3h4v4", "M17 13v4h-4", "M7 17H3v-4", "M7 7h6v6H7z"],
        ["minimap"] = ["M2 4h16v12H2z", "M11 10h5v4h-5z"],
        ["fullscreen"] = ["M3 8V3h5", "M12 3h5v5", "M17 12v5h-5", "M8 17H3v-5"],
        ["exit-fullscreen"] = ["M8 3v5H3", "M17 8h-5V3", "M12 17v-5h5", "M3 12h5v5"],
        ["help"] = ["M2 10a8 8 0 1 0 16 0a8 8 0 1 0-16 0", "M7.5 7.5a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 .8-1 1.5v.7", "M10 14.5h.01"],
        ["download"] = ["M10 3v10", "M6 9l4 4 4-4", "M3 16h14"],
        ["trash"] = ["M3 5h14", "M8 5V3h4v2", "M5 5l1 12h8l1-12"],
        ["link"] = ["M8 12l4-4", "M9 5l1.5-1.5a3.5 3.5 0 0 1 5 5L14 10", "M11 15l-1.5 1.5a3.5 3.5 0 0 1-5-5L6 10"],
        ["note"] = ["M4 3h9l3 3v11H4z", "M7 8h6", "M7 11h6", "M7 14h3"],
        ["zone"] = ["M3 3h14v14H3z", "M3 7h14"],
        ["lock"] = ["M5 9h10v8H5z", "M7 9V6a3 3 0 0 1 6 0v3"],
        ["close"] = ["M5 5l10 10", "M15 5L5 15"],
    };

    public static IReadOnlyList<string> Paths(string name) => Shapes.GetValueOrDefault(name) ?? Fallback;

    public static bool Knows(string name) => Shapes.ContainsKey(name);
}
