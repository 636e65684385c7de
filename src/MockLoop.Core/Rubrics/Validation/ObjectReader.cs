using System.Text.Json;

namespace MockLoop.Core.Rubrics.Validation;

/// <summary>
/// Reads one JSON object whose properties are known in advance. Opening it reports unknown and repeated
/// properties; each getter reports a missing required property or a bad value at the property's own path.
/// </summary>
internal sealed class ObjectReader
{
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly ProblemLog _log;

    private ObjectReader(JsonElement element, string path, ProblemLog log, IReadOnlyCollection<string> known)
    {
        Path = path;
        _log = log;
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            if (!known.Contains(property.Name))
            {
                log.Add(propertyPath, UnknownPropertyReason(property.Name, known));
            }
            else if (!_properties.TryAdd(property.Name, property.Value))
            {
                log.Add(propertyPath, "appears more than once in the same object.");
            }
        }
    }

    public string Path { get; }

    public static ObjectReader? Open(Located value, ProblemLog log, IReadOnlyCollection<string> known)
    {
        if (value.Element.ValueKind != JsonValueKind.Object)
        {
            log.Add(value.Path, $"must be an object, not {JsonValues.Describe(value.Element.ValueKind)}.");
            return null;
        }

        return new ObjectReader(value.Element, value.Path, log, known);
    }

    /// <summary>The property, or null after reporting that it is missing.</summary>
    public Located? Required(string name)
    {
        var found = Optional(name);
        if (found is null)
        {
            _log.Add(JsonPath.Property(Path, name), "is required but missing.");
        }

        return found;
    }

    public Located? Optional(string name) =>
        _properties.TryGetValue(name, out var element) ? new Located(element, JsonPath.Property(Path, name)) : null;

    public string? Text(string name, int maxLength) =>
        Required(name) is { } value ? JsonValues.Text(value, maxLength, _log) : null;

    public string? OptionalText(string name, int maxLength) =>
        Optional(name) is { } value ? JsonValues.Text(value, maxLength, _log) : null;

    public string? Id(string name) =>
        Required(name) is { } value ? JsonValues.Id(value, _log) : null;

    public int? WholeNumber(string name, int min, int max) =>
        Required(name) is { } value ? JsonValues.WholeNumber(value, min, max, _log) : null;

    public double? PositiveNumber(string name, double max) =>
        Required(name) is { } value ? JsonValues.PositiveNumber(value, max, _log) : null;

    public double? NumberBetween(string name, double min, double max) =>
        Required(name) is { } value ? JsonValues.NumberBetween(value, min, max, _log) : null;

    public IReadOnlyList<Located>? Array(string name, int minItems, int maxItems, string itemNoun) =>
        Required(name) is { } value ? JsonValues.Array(value, minItems, maxItems, itemNoun, _log) : null;

    public IReadOnlyList<string>? TextList(string name, int minItems, int maxItems, int maxLength, string itemNoun) =>
        Required(name) is { } value ? JsonValues.TextList(value, minItems, maxItems, maxLength, itemNoun, _log) : null;

    public ObjectReader? Object(string name, IReadOnlyCollection<string> known) =>
        Required(name) is { } value ? Open(value, _log, known) : null;

    private static string UnknownPropertyReason(string name, IReadOnlyCollection<string> known)
    {
        var closest = known
            .Select(k => (Name: k, Distance: EditDistance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .Select(k => k.Name)
            .FirstOrDefault();

        return closest is not null
            ? $"is not a known property; did you mean '{closest}'?"
            : $"is not a known property; expected one of: {string.Join(", ", known)}.";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
