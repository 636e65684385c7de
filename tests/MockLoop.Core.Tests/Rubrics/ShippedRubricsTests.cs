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
    public void The_ml_system_design_rubric_walks_the_seven_framework_steps_in_order_then_scores_the_whole_interview()
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
            MlSystemDesign.TimedSteps.Select(s => s.Id));
        Assert.Equal("whole-interview", Assert.Single(MlSystemDesign.Steps, s => s.IsWholeInterview).Id);
        Assert.Equal(3, MlSystemDesign.Version);
    }

    [Fact]
    public void The_45_minute_rubric_plans_about_38_minutes_of_design_and_leaves_the_rest_as_buffer()
    {
        Assert.Equal(45, MlSystemDesign.SlotMinutes);
        Assert.Equal(38, MlSystemDesign.TotalBudgetMinutes);
        Assert.Equal(7, MlSystemDesign.BufferMinutes);
    }

    [Fact]
    public void The_60_minute_variant_scores_the_version_2_criteria_with_longer_budgets()
    {
        var variant = Library.Value.FindRubric("ml-system-design-60")!.Rubric;
        var v2 = Library.Value.EarlierVersions.Single(r => r.Rubric.Version == 2).Rubric;

        Assert.Equal(60, variant.SlotMinutes);
        Assert.InRange(variant.BufferMinutes!.Value, 5, 15);
        Assert.Equal(v2.Steps.Select(s => s with { BudgetMinutes = 0 }).Select(Describe),
            variant.Steps.Select(s => s with { BudgetMinutes = 0 }).Select(Describe));
        Assert.All(v2.Steps.Zip(variant.Steps), pair => Assert.True(pair.Second.BudgetMinutes >= pair.First.BudgetMinutes));
        Assert.Equal(v2.LevelBars, variant.LevelBars);

        static string Describe(RubricStep step) => JsonSerializer.Serialize(step);
    }

    [Fact]
    public void Version_3_scores_each_behaviour_in_one_criterion_with_a_partial_credit_rule_at_level_3()
    {
        var criteria = MlSystemDesign.Steps.SelectMany(s => s.Criteria).ToList();

        Assert.Equal(17, criteria.Count);
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
            Assert.Matches(@"^(At least \d of these \d|Both of these 2): \(a\)", c.Level(3).Descriptor);
        });

        // Behaviours v2 scored in several places now have one home each.
        var text = criteria.ToDictionary(c => c.Id, c => string.Join(" ", c.Levels.Select(l => l.Descriptor).Concat(c.StrongSignals)));
        Assert.Equal(["offline-evaluation"], Homes("calibrat"));
        Assert.Equal(["online-experiment"], Homes("counter-metric"));
        Assert.Equal(["training"], Homes("negatives"));
        Assert.Equal(["serving-path"], Homes("cost against"));

        List<string> Homes(string word) => text.Where(t => t.Value.Contains(word, StringComparison.OrdinalIgnoreCase)).Select(t => t.Key).ToList();
    }

    [Fact]
    public void Version_3_scores_the_drawn_design_and_communication_across_the_whole_interview_not_in_a_step()
    {
        var whole = MlSystemDesign.Steps.Single(s => s.IsWholeInterview);

        Assert.Equal(["high-level-design", "communication"], whole.Criteria.Select(c => c.Id));
        Assert.Equal(0, whole.BudgetMinutes);
        Assert.False(whole.IsCore);
        Assert.DoesNotContain(MlSystemDesign.TimedSteps, s => s.Criteria.Any(c => c.Id == "communication"));
    }

    [Fact]
    public void Version_3_describes_level_1_as_probed_and_missing_or_wrong()
    {
        Assert.All(MlSystemDesign.Steps.SelectMany(s => s.Criteria), c =>
            Assert.Matches("^(Asked|Needs the interviewer)", c.Level(1).Descriptor));
        Assert.Contains("not assessed", MlSystemDesign.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_3_descriptors_fit_every_kind_of_case_and_split_by_the_unit_that_leaks()
    {
        var text = string.Join(" ", MlSystemDesign.Steps.SelectMany(s => s.Criteria).SelectMany(c => c.Levels).Select(l => l.Descriptor));

        Assert.All(["ranking", "classification", "regression", "detection", "generation", "batch"], kind => Assert.Contains(kind, text, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("the unit that leaks", text, StringComparison.Ordinal);
        Assert.DoesNotContain("held-out period", text, StringComparison.Ordinal);
        Assert.DoesNotContain("time-based split", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_3_red_flags_have_severities_most_count_after_a_probe_and_no_flag_restates_a_level_1_text()
    {
        var flags = MlSystemDesign.Steps.SelectMany(s => s.RedFlags).ToList();

        Assert.All(Enum.GetValues<RedFlagSeverity>(), severity => Assert.Contains(flags, f => f.Severity == severity));
        Assert.True(flags.Count(f => f.AfterProbe) * 2 > flags.Count, "Most flags should count only after a probe.");
        Assert.All(flags.Where(f => f.AfterProbe), f => Assert.Contains("after one probe", f.Description, StringComparison.Ordinal));
        Assert.Equal(["online"], flags.Single(f => f.Id == "no-latency-budget").Systems);
        Assert.Equal(["batch"], flags.Single(f => f.Id == "no-throughput-plan").Systems);
        Assert.Equal([TargetLevel.Senior, TargetLevel.Staff], flags.Single(f => f.Id == "unservable-model").Levels);
        Assert.All(MlSystemDesign.Steps.Where(s => !s.IsCore), step =>
            Assert.DoesNotContain(step.RedFlags, f => f.Severity == RedFlagSeverity.CapsVerdict));
        var levelOneTexts = MlSystemDesign.Steps.SelectMany(s => s.Criteria).Select(c => c.Level(1).Descriptor).ToHashSet();
        Assert.DoesNotContain(flags, f => levelOneTexts.Contains(f.Description));
    }

    [Fact]
    public void The_core_steps_are_framing_data_model_and_evaluation()
    {
        Assert.Equal(["frame-ml-task", "data-and-features", "model-development", "evaluation"], MlSystemDesign.BarSteps.Select(s => s.Id));
    }

    [Fact]
    public void The_level_bars_rise_and_the_staff_bar_asks_for_depth_in_two_areas()
    {
        var bars = MlSystemDesign.LevelBars;

        Assert.Equal(new LevelBar(TargetLevel.Mid, 2.5, 2.5) { StepMissesAllowed = 1 }, bars[0]);
        Assert.Equal(new LevelBar(TargetLevel.Senior, 2.9, 2.5), bars[1]);
        Assert.Equal(new LevelBar(TargetLevel.Staff, 3, 3) { Depth = new DepthBar(2, 3.5) }, bars[2]);
        Assert.NotNull(MlSystemDesign.Expectations);
        Assert.Contains("unprompted", MlSystemDesign.Expectations!.Staff, StringComparison.Ordinal);
    }

    [Fact]
    public void Versions_1_and_2_ship_beside_version_3_so_old_scorecards_find_their_rubric()
    {
        var earlier = Library.Value.EarlierVersions.OrderBy(r => r.Rubric.Version).ToList();

        Assert.Equal(["versions/ml-system-design.v1.json", "versions/ml-system-design.v2.json"], earlier.Select(r => r.File));
        Assert.Equal([1, 2], earlier.Select(r => r.Rubric.Version));
        Assert.Equal(22, earlier[0].Rubric.Steps.Sum(s => s.Criteria.Count));
        Assert.Equal(16, earlier[1].Rubric.Steps.Sum(s => s.Criteria.Count));
        Assert.All(earlier[1].Rubric.Steps.SelectMany(s => s.RedFlags), f => Assert.Equal(RedFlagSeverity.CapsVerdict, f.Severity));
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
        { "rubric.schema.json", "$defs.step", RubricParser.StepProperties, ["scope", "core", "budgetMinutes", "redFlags"] },
        { "rubric.schema.json", "$defs.step.properties.redFlags.items", RubricParser.RedFlagProperties, ["severity", "afterProbe", "levels", "systems"] },
        { "rubric.schema.json", "$defs.criterion", RubricParser.CriterionProperties, ["strongSignals"] },
        { "rubric.schema.json", "$defs.level", RubricParser.LevelProperties, ["label"] },
        { "rubric.schema.json", "$defs.bar", RubricParser.BarProperties, ["stepMissesAllowed", "deepSteps"] },
        { "rubric.schema.json", "properties.levelBars", RubricParser.BarNames.Select(b => b.Name).ToArray(), [] },
        { "components.schema.json", "$", ComponentVocabulary.RootProperties, ["$schema", "categories"] },
        { "components.schema.json", "properties.components.items", ComponentVocabulary.ComponentProperties, ["generic"] },
        { "components.schema.json", "properties.categories.items", ComponentVocabulary.CategoryProperties, [] },
        { "case.schema.json", "$", CaseParser.CaseProperties, ["$schema", "difficulty", "systemKind", "envelope", "probes", "answerKey", "curveballs"] },
        { "case.schema.json", "properties.budgets", CaseParser.BudgetProperties, ["dailyRequests"] },
        { "case.schema.json", "properties.hints.additionalProperties", CaseParser.HintProperties, ["midAnchor"] },
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
