namespace MockLoop.Core.Rubrics.Validation;

/// <summary>Builds the JSONPath-style locations used in problems: <c>$.steps[2].criteria[0]</c>, <c>$.hints['data-and-features']</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
