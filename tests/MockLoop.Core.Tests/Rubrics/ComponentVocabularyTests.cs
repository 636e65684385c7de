using System.Text.Json.Nodes;
using MockLoop.Core.Rubrics;
using static MockLoop.Core.Tests.Rubrics.ProblemAssertions;

namespace MockLoop.Core.Tests.Rubrics;

public class ComponentVocabularyTests
{
    internal static JsonObject Build() => new()
    {
        ["components"] = new JsonArray(
            Entry("client", "Client app", "client", generic: true),
            Entry("feature-store", "Feature store", "data"),
            Entry("model-server", "Model server", "ml-serving"),
            Entry("ann-index", "ANN index", "ml-serving"),
            Entry("embedding-service", "Embedding service", "ml-serving"),
            Entry("ranking-model", "Ranking model", "ml-serving"),
            Entry("training-pipeline", "Training pipeline", "ml-training")),
    };

    internal static JsonObject Entry(string id, string label, string category, bool generic = false)
    {
        var entry = new JsonObject
        {
            ["id"] = id,
            ["label"] = label,
            ["category"] = category,
            ["description"] = $"What a {label} does.",
        };
        if (generic)
        {
            entry["generic"] = true;
        }
        return entry;
    }

    internal static ComponentVocabulary Sample() => ComponentVocabulary.Parse("components.json", Build().ToJsonString()).Value!;

    private static IReadOnlyList<RubricProblem> Problems(Action<JsonObject> mutate)
    {
        var vocabulary = Build();
        mutate(vocabulary);
        return ProblemsOf(ComponentVocabulary.Parse("components.json", vocabulary.ToJsonString()));
    }

    [Fact]
    public void A_valid_vocabulary_lists_its_components_in_file_order()
    {
        var vocabulary = Sample();

        Assert.Equal(["client", "feature-store", "model-server", "ann-index", "embedding-service", "ranking-model", "training-pipeline"], vocabulary.Components.Select(c => c.Id));
        Assert.True(vocabulary.Contains("ann-index"));
        Assert.False(vocabulary.Contains("kafka"));
        Assert.Equal(ComponentCategory.MlServing, vocabulary.Find("model-server")!.Category);
        Assert.Equal("ml-serving", ComponentCategory.MlServing.ToJsonName());
    }

    [Fact]
    public void Duplicate_component_ids_are_reported_with_their_path()
    {
        var problem = Assert.Single(Problems(v => v["components"]![3]!["id"] = "feature-store"));

        Assert.Equal("$.components[3].id", problem.Path);
        Assert.Contains("already used at $.components[1].id", problem.Reason);
    }

    [Fact]
    public void An_unknown_category_is_reported_with_the_allowed_ones()
    {
        Problems(v => v["components"]![0]!["category"] = "frontend")
            .HasProblem("$.components[0].category", "'frontend' is not a component category; use one of: client, edge, service, data, streaming, ml-training, ml-serving, llm, experimentation, observability, labelling.");
    }

    [Fact]
    public void Unknown_and_missing_properties_of_a_component_are_reported()
    {
        var problems = Problems(v =>
        {
            v["components"]![1]!.AsObject().Remove("label");
            v["components"]![2]!["icon"] = "box";
        });

        problems.HasProblem("$.components[1].label", "is required but missing");
        problems.HasProblem("$.components[2].icon", "is not a known property");
    }

    [Fact]
    public void Building_a_vocabulary_with_a_repeated_id_throws()
    {
        var component = new Component("cdn", "CDN", ComponentCategory.Edge, "Caches static content.");

        Assert.Throws<ArgumentException>(() => new ComponentVocabulary([component, component]));
    }

    [Fact]
    public void Category_styles_are_read_with_their_colours()
    {
        var result = ComponentVocabulary.Parse("components.json", WithCategories(new JsonObject { ["id"] = "llm", ["label"] = "LLM", ["color"] = "#c026d3", ["soft"] = "#fae8ff" }));

        Assert.True(result.IsValid, Describe(result.Problems));
        Assert.Equal(new CategoryStyle(ComponentCategory.Llm, "LLM", "#c026d3", "#fae8ff"), Assert.Single(result.Value!.Categories));
        Assert.True(result.Value.Find("client")!.IsGeneric);
        Assert.False(result.Value.Find("feature-store")!.IsGeneric);
    }

    [Fact]
    public void A_category_style_with_a_bad_colour_or_unknown_category_is_reported()
    {
        var problems = ProblemsOf(ComponentVocabulary.Parse("components.json", WithCategories(
            new JsonObject { ["id"] = "llm", ["label"] = "LLM", ["color"] = "purple", ["soft"] = "#fae8ff" },
            new JsonObject { ["id"] = "quantum", ["label"] = "Q", ["color"] = "#000000", ["soft"] = "#ffffff" })));

        problems.HasProblem("$.categories[0].color", "is not a colour; write it as #rrggbb");
        problems.HasProblem("$.categories[1].id", "'quantum' is not a component category");
    }

    private static string WithCategories(params JsonObject[] categories)
    {
        var vocabulary = Build();
        vocabulary["categories"] = new JsonArray(categories.Select(c => (JsonNode?)c).ToArray());
        return vocabulary.ToJsonString();
    }
}
