namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// A short glyph per vocabulary category, drawn in the category's colour (canvas.css). Data-driven: a category this
/// list does not know (a new one in components.json) still gets a glyph, its first two letters.
/// </summary>
public static class CategoryIcons
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["client"] = "◱",
        ["edge"] = "◇",
        ["service"] = "▣",
        ["data"] = "⛁",
        ["streaming"] = "≋",
        ["ml-training"] = "◆",
        ["ml-serving"] = "⇄",
        ["experimentation"] = "△",
        ["observability"] = "◔",
        ["labelling"] = "✎",
        ["llm"] = "✦",
    };

    public static string Glyph(string category) =>
        Known.TryGetValue(category, out var glyph) ? glyph
        : category.Length >= 2 ? category[..2].ToUpperInvariant()
        : "•";
}
