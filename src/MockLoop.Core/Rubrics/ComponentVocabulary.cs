using MockLoop.Core.Rubrics.Validation;

namespace MockLoop.Core.Rubrics;

/// <summary>
/// The shared component vocabulary (rubrics/components.json): the canvas palette and the ids cases refer to.
/// </summary>
public sealed class ComponentVocabulary
{
    internal static readonly string[] RootProperties = ["$schema", "components"];
    internal static readonly string[] ComponentProperties = ["id", "label", "category", "description"];

    private readonly Dictionary<string, Component> _byId;

    /// <exception cref="ArgumentException">Two components share an id.</exception>
    public ComponentVocabulary(IEnumerable<Component> components)
    {
        Components = components.ToList();
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

        var components = ReadComponents(new Located(document.RootElement, JsonPath.Root), log);
        return log.Count == 0 && components is not null
            ? ParseResult<ComponentVocabulary>.Success(new ComponentVocabulary(components))
            : ParseResult<ComponentVocabulary>.Failure(log.Problems);
    }

    private static List<Component>? ReadComponents(Located root, ProblemLog log)
    {
        var obj = ObjectReader.Open(root, log, RootProperties);
        if (obj is null)
        {
            return null;
        }

        obj.OptionalText("$schema", RubricLimits.MaxSchemaReference);
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

        return id is null || label is null || category is null || description is null
            ? null
            : new Component(id, label, category.Value, description);
    }
}
