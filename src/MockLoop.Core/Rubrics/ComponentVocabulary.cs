using MockLoop.Core.Rubrics.Validation;

namespace MockLoop.Core.Rubrics;

/// <summary>
/// The shared component vocabulary (rubrics/components.json): the canvas palette and the ids cases refer to.
/// </summary>
public sealed class ComponentVocabulary
{
    internal static readonly string[] RootProperties = ["$schema", "categories", "components"];
    internal static readonly string[] ComponentProperties = ["id", "label", "category", "description", "generic"];
    internal static readonly string[] CategoryProperties = ["id", "label", "color", "soft"];

    private readonly Dictionary<string, Component> _byId;

    /// <exception cref="ArgumentException">Two components share an id.</exception>
    public ComponentVocabulary(IEnumerable<Component> components, IEnumerable<CategoryStyle>? categories = null)
    {
        Components = components.ToList();
        Categories = (categories ?? []).ToList();
        _byId = new Dictionary<string, Component>(StringComparer.Ordinal);
        foreach (var component in Components)
        {
            if (!_byId.TryAdd(component.Id, component))
            {
                throw new ArgumentException($"Component id '{component.Id}' appears more than once.", nameof(components));
            }
        }
    }

    /// <summary>The components in file order.</summary>
    public IReadOnlyList<Component> Components { get; }

    /// <summary>Colours and labels per category, in palette order; empty when the file gives none.</summary>
    public IReadOnlyList<CategoryStyle> Categories { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public Component? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads <c>{ "components": [ { id, label, category, description }, … ] }</c>, reporting every problem.</summary>
    public static ParseResult<ComponentVocabulary> Parse(string file, string json)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(json);

        var log = new ProblemLog(file);
        using var document = JsonInput.Parse(json, log);
        if (document is null)
        {
            return ParseResult<ComponentVocabulary>.Failure(log.Problems);
        }

        var components = ReadComponents(new Located(document.RootElement, JsonPath.Root), log, out var categories);
        return log.Count == 0 && components is not null
            ? ParseResult<ComponentVocabulary>.Success(new ComponentVocabulary(components, categories))
            : ParseResult<ComponentVocabulary>.Failure(log.Problems);
    }

    private static List<Component>? ReadComponents(Located root, ProblemLog log, out List<CategoryStyle> categories)
    {
        categories = [];
        var obj = ObjectReader.Open(root, log, RootProperties);
        if (obj is null)
        {
            return null;
        }

        obj.OptionalText("$schema", RubricLimits.MaxSchemaReference);
        if (obj.Optional("categories") is { } categoriesValue)
        {
            categories = ReadCategories(categoriesValue, log);
        }

        var items = obj.Array("components", 1, RubricLimits.MaxComponents, "component");
        if (items is null)
        {
            return null;
        }

        var ids = new IdRegistry("component", log);
        var components = new List<Component>();
        foreach (var item in items)
        {
            if (ReadComponent(item, ids, log) is { } component)
            {
                components.Add(component);
            }
        }

        return components.Count == items.Count ? components : null;
    }

    private static Component? ReadComponent(Located item, IdRegistry ids, ProblemLog log)
    {
        var obj = ObjectReader.Open(item, log, ComponentProperties);
        if (obj is null)
        {
            return null;
        }

        var id = RubricParser.ClaimId(obj, ids);
        var label = obj.Text("label", RubricLimits.MaxLabel);
        ComponentCategory? category = null;
        if (obj.Required("category") is { } categoryValue && JsonValues.Text(categoryValue, RubricLimits.MaxLabel, log) is { } name)
        {
            if (ComponentCategories.TryParse(name, out var parsed))
            {
                category = parsed;
            }
            else
            {
                log.Add(categoryValue.Path, $"'{name}' is not a component category; use one of: {string.Join(", ", ComponentCategories.JsonNames)}.");
            }
        }

        var description = obj.Text("description", RubricLimits.MaxDescription);
        var generic = obj.Optional("generic") is { } genericValue ? JsonValues.Boolean(genericValue, log) : false;

        return id is null || label is null || category is null || description is null || generic is null
            ? null
            : new Component(id, label, category.Value, description) { IsGeneric = generic.Value };
    }

    /// <summary>Each known category at most once, with colours as <c>#rrggbb</c>.</summary>
    private static List<CategoryStyle> ReadCategories(Located value, ProblemLog log)
    {
        var styles = new List<CategoryStyle>();
        var items = JsonValues.Array(value, 1, ComponentCategories.JsonNames.Count, "category", log);
        var ids = new IdRegistry("category", log);
        foreach (var item in items ?? [])
        {
            var obj = ObjectReader.Open(item, log, CategoryProperties);
            if (obj is null)
            {
                continue;
            }
            var id = RubricParser.ClaimId(obj, ids);
            var label = obj.Text("label", RubricLimits.MaxLabel);
            var color = Colour(obj, "color", log);
            var soft = Colour(obj, "soft", log);
            if (id is not null && !ComponentCategories.TryParse(id, out _))
            {
                log.Add(JsonPath.Property(obj.Path, "id"), $"'{id}' is not a component category; use one of: {string.Join(", ", ComponentCategories.JsonNames)}.");
            }
            else if (id is not null && label is not null && color is not null && soft is not null)
            {
                ComponentCategories.TryParse(id, out var category);
                styles.Add(new CategoryStyle(category, label, color, soft));
            }
        }
        return styles;
    }

    private static string? Colour(ObjectReader obj, string name, ProblemLog log)
    {
        var text = obj.Text(name, 7);
        if (text is not null && !System.Text.RegularExpressions.Regex.IsMatch(text, "^#[0-9a-fA-F]{6}$"))
        {
            log.Add(JsonPath.Property(obj.Path, name), $"'{text}' is not a colour; write it as #rrggbb.");
            return null;
        }
        return text;
    }
}
