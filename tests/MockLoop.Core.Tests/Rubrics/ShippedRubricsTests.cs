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
        Assert.Equal(1, MlSystemDesign.Version);
    }

    [Fact]
    public void The_ml_system_design_step_budgets_add_up_to_45_minutes()
    {
        Assert.Equal(45, MlSystemDesign.TotalBudgetMinutes);
    }

    [Fact]
    public void Every_ml_system_design_step_has_at_least_three_criteria_and_some_questions()
    {
        Assert.All(MlSystemDesign.Steps, step =>
        {
            Assert.InRange(step.Criteria.Count, 3, 5);
            Assert.InRange(step.Questions.Count, 3, 15);
        });
    }

    [Fact]
    public void The_ml_system_design_level_bars_rise_from_mid_to_staff()
    {
        var bars = MlSystemDesign.LevelBars;

        Assert.Equal(new LevelBar(TargetLevel.Mid, 2.5, 2), bars[0]);
        Assert.Equal(new LevelBar(TargetLevel.Senior, 3, 2.5), bars[1]);
        Assert.Equal(new LevelBar(TargetLevel.Staff, 3.5, 3), bars[2]);
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

    [Fact]
    public void Every_shipped_case_has_facts_to_reveal_hints_for_every_step_and_a_sizeable_design()
    {
        Assert.All(Library.Value.Cases, interviewCase =>
        {
            Assert.True(interviewCase.Facts.Count >= 5, $"{interviewCase.Id} has only {interviewCase.Facts.Count} facts.");
            Assert.Equal(MlSystemDesign.Steps.Select(s => s.Id), interviewCase.Hints.Keys);
            Assert.True(interviewCase.ExpectedComponents.Count >= 10, $"{interviewCase.Id} expects only {interviewCase.ExpectedComponents.Count} components.");
            Assert.NotNull(interviewCase.Difficulty);
        });
    }

    public static TheoryData<string, string, string[], string[]> SchemaObjects() => new()
    {
        { "rubric.schema.json", "$", RubricParser.RubricProperties, ["$schema"] },
        { "rubric.schema.json", "$defs.step", RubricParser.StepProperties, [] },
        { "rubric.schema.json", "$defs.criterion", RubricParser.CriterionProperties, [] },
        { "rubric.schema.json", "$defs.level", RubricParser.LevelProperties, ["label"] },
        { "rubric.schema.json", "$defs.bar", RubricParser.BarProperties, [] },
        { "rubric.schema.json", "properties.levelBars", RubricParser.BarNames.Select(b => b.Name).ToArray(), [] },
        { "components.schema.json", "$", ComponentVocabulary.RootProperties, ["$schema"] },
        { "components.schema.json", "properties.components.items", ComponentVocabulary.ComponentProperties, [] },
        { "case.schema.json", "$", CaseParser.CaseProperties, ["$schema", "difficulty"] },
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
