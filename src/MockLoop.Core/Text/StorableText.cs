using System.Globalization;
using System.Text.Json;

namespace MockLoop.Core.Text;

/// <summary>What is wrong with a piece of text: the first offending character and where it is.</summary>
/// <param name="Index">Zero-based position in UTF-16 code units.</param>
/// <param name="Character">"U+0000"-style name of the offending code unit.</param>
public sealed record TextProblem(int Index, string Character)
{
    /// <summary>A sentence for people: "contains U+0000 (a control character) at position 5".</summary>
    public string Describe() => $"contains {Character} at position {Index + 1}";
}

/// <summary>
/// Text PostgreSQL can store and people can read: no NUL (PostgreSQL text and jsonb refuse it), no other control
/// characters except tab, line feed and carriage return, and no lone UTF-16 surrogates (they have no UTF-8 form).
/// Every free-text field a user sends is checked with this before it reaches the database, so a bad character is
/// refused with a precise error instead of failing a write (and a group commit it shares with others).
/// </summary>
public static class StorableText
{
    /// <summary>The error code commands answer with when text fails this check.</summary>
    public const string ErrorCode = "unstorable_text";

    /// <summary>Null when <paramref name="text"/> can be stored, else the first offending character.</summary>
    public static TextProblem? Check(string? text)
    {
        if (text is null)
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return new TextProblem(i, Name(c) + " (a lone surrogate)");
            }
            if (char.IsLowSurrogate(c))
            {
                return new TextProblem(i, Name(c) + " (a lone surrogate)");
            }
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return new TextProblem(i, Name(c) + " (a control character)");
            }
        }
        return null;
    }

    public static bool IsStorable(string? text) => Check(text) is null;

    /// <summary>
    /// The first string (property names included) in a JSON document that cannot be stored, with its JSON path,
    /// or null. For content stored as jsonb, where a NUL escape or a lone surrogate escape is refused as well.
    /// </summary>
    public static (string Path, TextProblem Problem)? FindInJson(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Check(JsonText.Read(element)) is { } problem ? (path, problem) : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = JsonText.NameOf(property);
                    var at = $"{path}.{name}";
                    if (Check(name) is { } nameProblem)
                    {
                        return (path, nameProblem with { Character = nameProblem.Character + " in a property name" });
                    }
                    if (FindInJson(property.Value, at) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInJson(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]")) is { } found)
                    {
                        return found;
                    }
                    index++;
                }
                return null;
            default:
                return null;
        }
    }

    private static string Name(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
