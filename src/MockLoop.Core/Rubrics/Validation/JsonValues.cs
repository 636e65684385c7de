using System.Text.Json;
using System.Text.RegularExpressions;
using static System.FormattableString;

namespace MockLoop.Core.Rubrics.Validation;

/// <summary>A JSON value and where it sits in its file.</summary>
internal readonly record struct Located(JsonElement Element, string Path);

/// <summary>
/// Checks single JSON values against the rules rubric content follows. Each method reports what is wrong with
/// the value at its path and returns null, so the caller can carry on and find the next problem.
/// </summary>
internal static partial class JsonValues
{
    public const int MaxIdLength = 64;

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string? Text(Located value, int maxLength, ProblemLog log)
    {
        if (value.Element.ValueKind != JsonValueKind.String)
        {
            log.Add(value.Path, Invariant($"must be a string, not {Describe(value.Element.ValueKind)}."));
            return null;
        }

        var text = value.Element.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            log.Add(value.Path, "must not be empty.");
            return null;
        }

        if (text.Length > maxLength)
        {
            log.Add(value.Path, Invariant($"is {text.Length:N0} characters long; the limit is {maxLength:N0}."));
            return null;
        }

        return text;
    }

    public static string? Id(Located value, ProblemLog log)
    {
        var text = Text(value, MaxIdLength, log);
        if (text is null)
        {
            return null;
        }

        if (!IsKebabCase(text))
        {
            log.Add(value.Path, Invariant($"'{text}' is not a kebab-case id: use lower-case letters, digits and single hyphens, starting with a letter (like 'clarify-requirements')."));
            return null;
        }

        return text;
    }

    public static bool IsKebabCase(string text) => KebabCase().IsMatch(text);

    public static int? WholeNumber(Located value, int min, int max, ProblemLog log)
    {
        if (value.Element.ValueKind != JsonValueKind.Number)
        {
            log.Add(value.Path, Invariant($"must be a whole number, not {Describe(value.Element.ValueKind)}."));
            return null;
        }

        if (!value.Element.TryGetInt32(out var number))
        {
            log.Add(value.Path, Invariant($"must be a whole number between {min} and {max}, not {value.Element.GetRawText()}."));
            return null;
        }

        if (number < min || number > max)
        {
            log.Add(value.Path, min == 1 && number < 1
                ? Invariant($"must be greater than 0, not {number}.")
                : Invariant($"must be between {min} and {max}, not {number}."));
            return null;
        }

        return number;
    }

    public static bool? Boolean(Located value, ProblemLog log)
    {
        if (value.Element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.Element.GetBoolean();
        }

        log.Add(value.Path, $"must be true or false, not {Describe(value.Element.ValueKind)}.");
        return null;
    }

    public static double? PositiveNumber(Located value, double max, ProblemLog log)
    {
        var number = AnyNumber(value, log);
        if (number is null)
        {
            return null;
        }

        if (number <= 0)
        {
            log.Add(value.Path, Invariant($"must be greater than 0, not {value.Element.GetRawText()}."));
            return null;
        }

        if (number > max)
        {
            log.Add(value.Path, Invariant($"must be at most {max}, not {value.Element.GetRawText()}."));
            return null;
        }

        return number;
    }

    public static double? NumberBetween(Located value, double min, double max, ProblemLog log)
    {
        var number = AnyNumber(value, log);
        if (number is null)
        {
            return null;
        }

        if (number < min || number > max)
        {
            log.Add(value.Path, Invariant($"must be between {min} and {max}, not {value.Element.GetRawText()}."));
            return null;
        }

        return number;
    }

    /// <summary>Checks that a value is an array and that its length is in range; returns its items even when the length is wrong, so they are still checked.</summary>
    public static IReadOnlyList<Located>? Array(Located value, int minItems, int maxItems, string itemNoun, ProblemLog log)
    {
        if (value.Element.ValueKind != JsonValueKind.Array)
        {
            log.Add(value.Path, Invariant($"must be an array, not {Describe(value.Element.ValueKind)}."));
            return null;
        }

        var items = value.Element.EnumerateArray()
            .Select((item, index) => new Located(item, JsonPath.Index(value.Path, index)))
            .ToList();

        if (items.Count < minItems || items.Count > maxItems)
        {
            var wanted = minItems == maxItems ? $"exactly {minItems}"
                : maxItems == int.MaxValue ? $"at least {minItems}"
                : $"{minItems} to {maxItems}";
            log.Add(value.Path, Invariant($"has {Count(items.Count, itemNoun)}; {wanted} are needed."));
        }

        return items;
    }

    /// <summary>A list of non-empty strings; null if the list or any item is invalid (every bad item is reported).</summary>
    public static IReadOnlyList<string>? TextList(Located value, int minItems, int maxItems, int maxLength, string itemNoun, ProblemLog log)
    {
        var items = Array(value, minItems, maxItems, itemNoun, log);
        if (items is null)
        {
            return null;
        }

        var before = log.Count;
        var texts = items.Select(item => Text(item, maxLength, log)).ToList();
        return log.Count == before && items.Count >= minItems && items.Count <= maxItems
            ? texts.Select(t => t!).ToList()
            : null;
    }

    private static double? AnyNumber(Located value, ProblemLog log)
    {
        if (value.Element.ValueKind != JsonValueKind.Number)
        {
            log.Add(value.Path, Invariant($"must be a number, not {Describe(value.Element.ValueKind)}."));
            return null;
        }

        var number = value.Element.GetDouble();
        if (!double.IsFinite(number))
        {
            log.Add(value.Path, Invariant($"is out of range: {value.Element.GetRawText()}."));
            return null;
        }

        return number;
    }

    private static string Count(int count, string noun) =>
        count == 1 ? $"1 {noun}" : Invariant($"{count} {(noun == "criterion" ? "criteria" : noun + "s")}");

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
