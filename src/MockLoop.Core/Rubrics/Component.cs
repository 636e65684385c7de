namespace MockLoop.Core.Rubrics;

/// <summary>
/// One entry of the shared component vocabulary: a box a candidate can put on the architecture canvas, and the id
/// cases use to say what a strong design contains.
/// </summary>
public sealed record Component(string Id, string Label, ComponentCategory Category, string Description)
{
    /// <summary>
    /// Generic infrastructure (client, gateway, plain service, general-purpose storage): fine to draw, but never one
    /// of a case's core components, because drawing it shows nothing about the ML design.
    /// </summary>
    public bool IsGeneric { get; init; }
}

/// <summary>How a category looks on the canvas: a strong colour for icons and accents, a soft one behind them.</summary>
public sealed record CategoryStyle(ComponentCategory Category, string Label, string Color, string Soft);

/// <summary>Groups the palette on the canvas; written in JSON in kebab-case (<c>ml-serving</c>).</summary>
public enum ComponentCategory
{
    Client,
    Edge,
    Service,
    Data,
    Streaming,
    MlTraining,
    MlServing,
    Llm,
    Experimentation,
    Observability,
    Labelling,
}

public static class ComponentCategories
{
    private static readonly (ComponentCategory Category, string Name)[] Names =
    [
        (ComponentCategory.Client, "client"),
        (ComponentCategory.Edge, "edge"),
        (ComponentCategory.Service, "service"),
        (ComponentCategory.Data, "data"),
        (ComponentCategory.Streaming, "streaming"),
        (ComponentCategory.MlTraining, "ml-training"),
        (ComponentCategory.MlServing, "ml-serving"),
        (ComponentCategory.Llm, "llm"),
        (ComponentCategory.Experimentation, "experimentation"),
        (ComponentCategory.Observability, "observability"),
        (ComponentCategory.Labelling, "labelling"),
    ];

    /// <summary>Every category's JSON name, in palette order.</summary>
    public static IReadOnlyList<string> JsonNames { get; } = Names.Select(n => n.Name).ToArray();

    public static string ToJsonName(this ComponentCategory category) =>
        Names.First(n => n.Category == category).Name;

    public static bool TryParse(string name, out ComponentCategory category)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (candidateName == name)
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }
}
