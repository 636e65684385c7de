namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// SVG text does not wrap, so a note's text is broken into lines here: at its own line breaks, then between words
/// where a line would not fit the box, and a word longer than a line is cut. What does not fit the box's height ends
/// the last line with "…", as the canvas's note clips it. Widths are estimated from the font size (no layout engine
/// on the server that draws the report).
/// </summary>
public static class SvgTextWrap
{
    /// <summary>The average advance of a character in the UI's sans-serif face, as a share of the font size.</summary>
    private const double AverageCharWidth = 0.55;

    public static IReadOnlyList<string> Lines(string text, double boxWidth, double boxHeight, double fontSize, double lineHeight, double padding)
    {
        var perLine = Math.Max(4, (int)((boxWidth - 2 * padding) / (fontSize * AverageCharWidth)));
        var maxLines = Math.Max(1, (int)((boxHeight - 2 * padding) / lineHeight));
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            lines.AddRange(Wrap(paragraph.TrimEnd(), perLine));
        }
        if (lines.Count <= maxLines)
        {
            return lines;
        }
        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        kept[^1] = (last.Length >= perLine ? last[..(perLine - 1)] : last).TrimEnd() + "…";
        return kept;
    }

    private static IEnumerable<string> Wrap(string paragraph, int perLine)
    {
        if (paragraph.Length == 0)
        {
            yield return "";
            yield break;
        }
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            if (line.Length > 0 && line.Length + 1 + rest.Length <= perLine)
            {
                line += " " + rest;
                continue;
            }
            if (line.Length > 0)
            {
                yield return line;
            }
            while (rest.Length > perLine)
            {
                yield return rest[..perLine];
                rest = rest[perLine..];
            }
            line = rest;
        }
        yield return line;
    }
}
