using System.Text.Json;
using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Tests.Rubrics;

/// <summary>Checks the content shipped in the repository's rubrics/ directory.</summary>
public class ShippedRubricsTests
{
    private static readonly Lazy<string> RubricsDir = new(() => Path.Combine(FindRepoRoot(), "rubrics"));
    private static readonly Lazy<LibraryLoadResult> Library = new(() => RubricLibrary.LoadDirectory(RubricsDir.Value));

    private static Rubric MlSystemDesign => Library.Value.FindRubric("ml-system-design")!.Rubric;

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MockLoop.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains MockLoop.sln.");
    }

    [Fact]
    public void Every_file_shipped_in_rubrics_validates()
    {
        var library = Library.Value;

        Assert.True(library.IsValid, "Problems in rubrics/:" + Environment.NewLine + ProblemAssertions.Describe(library.Problems));
        Assert.NotNull(library.FindRubric("ml-system-design"));
        Assert.Equal(
            Directory.GetFiles(Path.Combine(RubricsDir.Value, "cases"), "*.json").Length,
            library.Cases.Count);
    }

    [Fact]
    public void The_ml_system_design_rubric_walks_the_seven_framework_steps_in_order()
    {
        Assert.Equal(
            [
                "clarify-requirements",
                "frame-ml-task",
                "data-and-features",
                "model-development",
                "evaluation",
                "deployment-and-serving",
                "monitoring-and-iteration",
            ],
            MlSystemDesign.Steps.Select(s => s.Id));
        Assert.Equal(2, MlSystemDesign.Version);
    }

    [Fact]
    public void The_45_minute_rubric_plans_about_38_minutes_of_design_and_leaves_the_rest_as_buffer()
    {
        Assert.Equal(45, MlSystemDesign.SlotMinutes);
        Assert.Equal(38, MlSystemDesign.TotalBudgetMinutes);
        Assert.Equal(7, MlSystemDesign.BufferMinutes);
    }

    [Fact]
    public void The_60_minute_variant_scores_the_same_criteria_with_longer_budgets()
    {
        var variant = Library.Value.FindRubric("ml-system-design-60")!.Rubric;

        Assert.Equal(60, variant.SlotMinutes);
        Assert.InRange(variant.BufferMinutes!.Value, 5, 15);
        Assert.Equal(MlSystemDesign.Steps.Select(s => s with { BudgetMinutes = 0 }).Select(Describe),
            variant.Steps.Select(s => s with { BudgetMinutes = 0 }).Select(Describe));
        Assert.All(MlSystemDesign.Steps.Zip(variant.Steps), pair => Assert.True(pair.Second.BudgetMinutes >= pair.First.BudgetMinutes));
        Assert.Equal(MlSystemDesign.LevelBars, variant.LevelBars);

        static string Describe(RubricStep step) => JsonSerializer.Serialize(step);
    }

    [Fact]
    public void Version_2_has_about_sixteen_criteria_each_in_one_place_with_a_short_level_4_list()
    {
        var criteria = MlSystemDesign.Steps.SelectMany(s => s.Criteria).ToList();

        Assert.InRange(criteria.Count, 15, 16);
        Assert.Equal(criteria.Count, criteria.Select(c => c.Id).Distinct().Count());
        Assert.All(MlSystemDesign.Steps, step =>
        {
            Assert.InRange(step.Criteria.Count, 2, 3);
            Assert.InRange(step.Questions.Count, 3, 15);
            Assert.NotEmpty(step.RedFlags);
        });
        Assert.All(criteria, c =>
        {
            Assert.InRange(c.StrongSignals.Count, 3, 4);
            Assert.Contains("two", c.Level(4).Descriptor, StringComparison.Ordinal);
        });
        Assert.Contains(criteria, c => c.Id == "communication");
    }

    [Fact]
    public void Version_2_describes_level_1_as_probed_and_missing_or_wrong()
    {
        Assert.All(MlSystemDesign.Steps.SelectMany(s => s.Criteria), c =>
            Assert.Matches("^(Asked|Needs the interviewer)", c.Level(1).Descriptor));
        Assert.Contains("not assessed", MlSystemDesign.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_2_descriptors_fit_every_kind_of_case_not_only_recommenders()
    {
        var text = string.Join(" ", MlSystemDesign.Steps.SelectMany(s => s.Criteria).SelectMany(c => c.Levels).Select(l => l.Descriptor));

        Assert.All(["ranking", "classification", "regression", "detection", "generation"], kind => Assert.Contains(kind, text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("every hop of a request", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_core_steps_are_framing_data_model_and_evaluation()
    {
        Assert.Equal(["frame-ml-task", "data-and-features", "model-development", "evaluation"], MlSystemDesign.BarSteps.Select(s => s.Id));
    }

    [Fact]
    public void The_level_bars_rise_and_the_staff_bar_asks_for_depth_in_two_areas_with_one_miss_allowed()
    {
        var bars = MlSystemDesign.LevelBars;

        Assert.Equal(new LevelBar(TargetLevel.Mid, 2.4, 2), bars[0]);
        Assert.Equal(new LevelBar(TargetLevel.Senior, 2.9, 2.5), bars[1]);
        Assert.Equal(new LevelBar(TargetLevel.Staff, 3.2, 3) { StepMissesAllowed = 1, Depth = new DepthBar(2, 3.5) }, bars[2]);
        Assert.NotNull(MlSystemDesign.Expectations);
        Assert.Contains("unprompted", MlSystemDesign.Expectations!.Staff, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_ships_beside_version_2_so_old_scorecards_find_their_rubric()
    {
        var v1 = Assert.Single(Library.Value.EarlierVersions);

        Assert.Equal("versions/ml-system-design.v1.json", v1.File);
        Assert.Equal(("ml-system-design", 1), (v1.Rubric.Id, v1.Rubric.Version));
        Assert.Equal(22, v1.Rubric.Steps.Sum(s => s.Criteria.Count));
    }

    [Fact]
    public void The_component_vocabulary_holds_every_component_the_cases_and_canvas_rely_on()
    {
        var vocabulary = Library.Value.Components!;
        string[] required =
        [
            "client", "api-gateway", "load-balancer", "service", "feature-store", "online-store", "data-lake",
            "event-log", "stream-processor", "batch-job", "training-pipeline", "model-registry", "model-server",
            "ann-index", "candidate-generation", "ranking-model", "nosql-db", "sql-db", "ab-testing", "monitoring",
            "labelling", "cdn", "embedding-service", "re-ranker", "search-index",
        ];

        Assert.All(required, id => Assert.True(vocabulary.Contains(id), $"components.json lacks '{id}'."));
        Assert.True(vocabulary.Components.Count >= 24);
        Assert.All(Enum.GetValues<ComponentCategory>(), category => Assert.Contains(vocabulary.Components, c => c.Category == category));
    }

    [Fact]
    public void The_vocabulary_has_the_components_of_llm_and_modern_ml_systems_and_a_style_for_every_category()
    {
        var vocabulary = Library.Value.Components!;
        string[] added =
        [
            "vector-db", "llm-gateway", "prompt-orchestrator", "document-ingestion", "guardrails", "llm-evaluation",
            "semantic-cache", "offline-feature-store", "query-understanding", "pre-ranker", "impression-logger",
            "bandit-service", "decision-service", "gpu-training-cluster", "experiment-tracker", "delayed-label-join",
            "on-device-model", "geospatial-index",
        ];

        Assert.All(added, id => Assert.True(vocabulary.Contains(id), $"components.json lacks '{id}'."));
        Assert.Contains(vocabulary.Components, c => c.Category == ComponentCategory.Llm);
        Assert.Equal(Enum.GetValues<ComponentCategory>().Order(), vocabulary.Categories.Select(c => c.Category).Order());
        Assert.Equal(vocabulary.Categories.Count, vocabulary.Categories.Select(c => c.Color).Distinct().Count());
        Assert.All(["client", "api-gateway", "service"], id => Assert.True(vocabulary.Find(id)!.IsGeneric));
    }

    [Fact]
    public void The_ten_required_cases_ship_for_the_ml_system_design_rubric()
    {
        string[] required =
        [
            "video-recommendations", "ad-click-prediction", "harmful-content-detection", "visual-search",
            "event-recommendations", "news-feed-ranking", "people-you-may-know", "similar-listings",
            "search-ranking", "fraud-detection",
        ];

        var cases = Library.Value.CasesFor("ml-system-design");

        Assert.All(required, id => Assert.Contains(cases, c => c.Id == id));
    }

    public static TheoryData<string, string, string[], string[]> SchemaObjects() => new()
    {
        { "rubric.schema.json", "$", RubricParser.RubricProperties, ["$schema", "slotMinutes", "levelExpectations"] },
        { "rubric.schema.json", "$defs.step", RubricParser.StepProperties, ["core", "redFlags"] },
        { "rubric.schema.json", "$defs.criterion", RubricParser.CriterionProperties, ["strongSignals"] },
        { "rubric.schema.json", "$defs.level", RubricParser.LevelProperties, ["label"] },
        { "rubric.schema.json", "$defs.bar", RubricParser.BarProperties, ["stepMissesAllowed", "deepSteps"] },
        { "rubric.schema.json", "properties.levelBars", RubricParser.BarNames.Select(b => b.Name).ToArray(), [] },
        { "components.schema.json", "$", ComponentVocabulary.RootProperties, ["$schema", "categories"] },
        { "components.schema.json", "properties.components.items", ComponentVocabulary.ComponentProperties, ["generic"] },
        { "components.schema.json", "properties.categories.items", ComponentVocabulary.CategoryProperties, [] },
        { "case.schema.json", "$", CaseParser.CaseProperties, ["$schema", "difficulty"] },
        { "case.schema.json", "properties.budgets", CaseParser.BudgetProperties, ["dailyRequests"] },
        { "case.schema.json", "properties.hints.additionalProperties", CaseParser.HintProperties, [] },
        { "case.schema.json", "properties.facts.items", CaseParser.FactProperties, [] },
    };

    [Theory]
    [MemberData(nameof(SchemaObjects))]
    public void The_editor_schemas_name_the_same_properties_as_the_validator(string schemaFile, string objectPath, string[] known, string[] optional)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RubricsDir.Value, schemaFile)));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());

        var node = schema.RootElement;
        foreach (var segment in objectPath == "$" ? [] : objectPath.Split('.'))
        {
            node = node.GetProperty(segment);
        }

        Assert.False(node.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(known.Order(), node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(known.Except(optional).Order(), node.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order());
    }
}
