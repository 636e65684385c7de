using System.Text.Json.Nodes;
using MockLoop.Core.Rubrics;
using static MockLoop.Core.Tests.Rubrics.ProblemAssertions;

namespace MockLoop.Core.Tests.Rubrics;

public class RubricParserTests
{
    private static IReadOnlyList<RubricProblem> Problems(Action<JsonObject> mutate) =>
        ProblemsOf(RubricParser.Parse(SampleRubric.File, SampleRubric.Json(mutate)));

    [Fact]
    public void A_valid_rubric_becomes_records_with_its_steps_criteria_levels_and_bars()
    {
        var result = RubricParser.Parse(SampleRubric.File, SampleRubric.Json());

        Assert.True(result.IsValid, Describe(result.Problems));
        var rubric = result.Value;
        Assert.Equal("sample", rubric.Id);
        Assert.Equal(1, rubric.Version);
        Assert.Equal(["clarify", "design"], rubric.Steps.Select(s => s.Id));
        Assert.Equal(15, rubric.TotalBudgetMinutes);
        Assert.Equal(2, rubric.Steps[1].Weight);
        Assert.Equal(["architecture", "trade-offs", "scope"], rubric.Steps[1].Criteria.Select(c => c.Id));
        Assert.Equal([1, 2, 3, 4], rubric.Steps[0].Criteria[0].Levels.Select(l => l.Level));
        Assert.Equal("Says something at level 3.", rubric.Steps[0].Criteria[0].Level(3).Descriptor);
        Assert.Equal(new LevelBar(TargetLevel.Senior, 3, 2.5), rubric.BarFor(TargetLevel.Senior));
        Assert.Equal([TargetLevel.Mid, TargetLevel.Senior, TargetLevel.Staff], rubric.LevelBars.Select(b => b.Level));
    }

    [Fact]
    public void Levels_without_a_label_get_the_standard_one_and_custom_labels_are_kept()
    {
        var json = SampleRubric.Json(r => r.LevelsAt(0, 0)[3]!["label"] = "Exceptional");

        var levels = RubricParser.Parse(SampleRubric.File, json).Value!.Steps[0].Criteria[0].Levels;

        Assert.Equal(["No signal", "Weak", "Solid", "Exceptional"], levels.Select(l => l.Label));
    }

    [Fact]
    public void Levels_listed_out_of_order_are_accepted_and_sorted()
    {
        var json = SampleRubric.Json(r =>
        {
            var levels = r.LevelsAt(0, 0);
            var first = levels[0]!;
            levels.RemoveAt(0);
            levels.Add(first);
        });

        var levels = RubricParser.Parse(SampleRubric.File, json).Value!.Steps[0].Criteria[0].Levels;

        Assert.Equal([1, 2, 3, 4], levels.Select(l => l.Level));
    }

    [Fact]
    public void A_schema_reference_for_editors_is_allowed()
    {
        var result = RubricParser.Parse(SampleRubric.File, SampleRubric.Json(r => r["$schema"] = "./rubric.schema.json"));

        Assert.True(result.IsValid, Describe(result.Problems));
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line_and_position()
    {
        const string json = """
            {
              "id": "sample",
              "version": 1,,
              "title": "x"
            }
            """;

        var problem = Assert.Single(ProblemsOf(RubricParser.Parse("broken.json", json)));

        Assert.Equal("broken.json", problem.File);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("Invalid JSON at line 3, position 16:", problem.Reason);
        Assert.DoesNotContain("LineNumber", problem.Reason);
    }

    [Fact]
    public void The_position_of_invalid_json_counts_characters_not_bytes()
    {
        const string json = "{\n  \"title\": \"Évaluation ✓\" \"x\"\n}";

        var problem = Assert.Single(ProblemsOf(RubricParser.Parse("broken.json", json)));

        Assert.StartsWith("Invalid JSON at line 2, position 27:", problem.Reason);
    }

    [Fact]
    public void An_empty_file_is_reported_as_invalid_json()
    {
        var problem = Assert.Single(ProblemsOf(RubricParser.Parse("empty.json", "")));

        Assert.StartsWith("Invalid JSON at line 1, position 1", problem.Reason);
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_reported_at_the_root()
    {
        ProblemsOf(RubricParser.Parse("list.json", "[1, 2]")).HasProblem("$", "must be an object, not an array");
    }

    [Fact]
    public void Wrong_types_are_reported_with_their_paths()
    {
        var problems = Problems(r =>
        {
            r["version"] = "1";
            r["title"] = 7;
            r.StepAt(0)["weight"] = "heavy";
            r.StepAt(0)["questions"] = new JsonObject();
            r.StepAt(1)["criteria"] = "many";
            r.CriterionAt(0, 1)["levels"] = null;
            r["levelBars"] = new JsonArray();
        });

        problems.HasProblem("$.version", "must be a whole number, not a string");
        problems.HasProblem("$.title", "must be a string, not a number");
        problems.HasProblem("$.steps[0].weight", "must be a number, not a string");
        problems.HasProblem("$.steps[0].questions", "must be an array, not an object");
        problems.HasProblem("$.steps[1].criteria", "must be an array, not a string");
        problems.HasProblem("$.steps[0].criteria[1].levels", "must be an array, not null");
        problems.HasProblem("$.levelBars", "must be an object, not an array");
    }

    [Fact]
    public void A_question_that_is_not_a_string_is_reported_at_its_index()
    {
        Problems(r => r.StepAt(1)["questions"] = new JsonArray("Fine?", 42))
            .HasProblem("$.steps[1].questions[1]", "must be a string, not a number");
    }

    [Fact]
    public void Unknown_properties_are_reported_with_a_suggestion_for_a_likely_typo()
    {
        var problems = Problems(r =>
        {
            r.StepAt(1)["budgetMinute"] = 5;
            r.CriterionAt(0, 0)["colour"] = "blue";
        });

        problems.HasProblem("$.steps[1].budgetMinute", "did you mean 'budgetMinutes'?");
        problems.HasProblem("$.steps[0].criteria[0].colour", "expected one of: id, title, levels");
    }

    [Fact]
    public void A_property_given_twice_in_one_object_is_reported()
    {
        var json = SampleRubric.Json().Replace("\"version\":1,", "\"version\":1,\"version\":2,", StringComparison.Ordinal);

        ProblemsOf(RubricParser.Parse(SampleRubric.File, json)).HasProblem("$.version", "appears more than once");
    }

    [Fact]
    public void Missing_required_properties_are_reported_at_their_own_path()
    {
        var problems = Problems(r =>
        {
            r.Remove("description");
            r.StepAt(0).Remove("purpose");
            r.CriterionAt(1, 2).Remove("title");
            r.LevelsAt(1, 0)[2]!.AsObject().Remove("descriptor");
        });

        problems.HasProblem("$.description", "is required but missing");
        problems.HasProblem("$.steps[0].purpose", "is required but missing");
        problems.HasProblem("$.steps[1].criteria[2].title", "is required but missing");
        problems.HasProblem("$.steps[1].criteria[0].levels[2].descriptor", "is required but missing");
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Duplicate_step_ids_are_reported_with_their_path()
    {
        var problem = Assert.Single(Problems(r => r.StepAt(1)["id"] = "clarify"));

        Assert.Equal("$.steps[1].id", problem.Path);
        Assert.Equal("duplicate step id 'clarify': already used at $.steps[0].id.", problem.Reason);
    }

    [Fact]
    public void Duplicate_criterion_ids_within_a_step_are_reported_with_their_path()
    {
        var problem = Assert.Single(Problems(r => r.CriterionAt(1, 2)["id"] = "architecture"));

        Assert.Equal("$.steps[1].criteria[2].id", problem.Path);
        Assert.Equal("duplicate criterion id 'architecture': already used at $.steps[1].criteria[0].id.", problem.Reason);
    }

    [Fact]
    public void The_same_criterion_id_may_appear_in_two_different_steps()
    {
        // The sample has a "scope" criterion in both steps.
        var rubric = RubricParser.Parse(SampleRubric.File, SampleRubric.Json()).Value!;

        Assert.NotNull(rubric.Steps[0].FindCriterion("scope"));
        Assert.NotNull(rubric.Steps[1].FindCriterion("scope"));
    }

    [Theory]
    [InlineData("Clarify")]
    [InlineData("clarify_requirements")]
    [InlineData("clarify--requirements")]
    [InlineData("-clarify")]
    [InlineData("7-steps")]
    public void Ids_that_are_not_kebab_case_are_reported(string id)
    {
        Problems(r => r.StepAt(0)["id"] = id).HasProblem("$.steps[0].id", "is not a kebab-case id");
    }

    [Fact]
    public void A_missing_level_is_reported_on_the_levels_array()
    {
        var problem = Assert.Single(Problems(r => r.LevelsAt(1, 1).RemoveAt(2)));

        Assert.Equal("$.steps[1].criteria[1].levels", problem.Path);
        Assert.Equal("is missing level 3; a criterion needs exactly the four levels 1, 2, 3 and 4.", problem.Reason);
    }

    [Fact]
    public void An_empty_levels_array_names_every_missing_level()
    {
        Problems(r => r.LevelsAt(0, 0).Clear())
            .HasProblem("$.steps[0].criteria[0].levels", "is missing levels 1, 2, 3 and 4");
    }

    [Fact]
    public void A_level_given_twice_is_reported()
    {
        Problems(r => r.LevelsAt(0, 1).Add(SampleRubric.Level(2)))
            .HasProblem("$.steps[0].criteria[1].levels[4].level", "level 2 appears more than once (first at $.steps[0].criteria[1].levels[1])");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("2.5")]
    [InlineData("\"3\"")]
    public void A_level_number_outside_1_to_4_is_reported(string raw)
    {
        var problems = Problems(r => r.LevelsAt(0, 0)[2]!["level"] = JsonNode.Parse(raw));

        problems.HasProblem("$.steps[0].criteria[0].levels[2].level", "must be 1, 2, 3 or 4");
        Assert.Single(problems);
    }

    [Theory]
    [InlineData("budgetMinutes", "0", "must be greater than 0, not 0")]
    [InlineData("budgetMinutes", "-5", "must be greater than 0, not -5")]
    [InlineData("budgetMinutes", "7.5", "must be a whole number")]
    [InlineData("budgetMinutes", "1000", "must be between 1 and 240")]
    [InlineData("weight", "0", "must be greater than 0, not 0")]
    [InlineData("weight", "-0.5", "must be greater than 0, not -0.5")]
    public void A_budget_or_weight_of_zero_or_less_is_reported(string property, string raw, string reason)
    {
        Problems(r => r.StepAt(1)[property] = JsonNode.Parse(raw)).HasProblem($"$.steps[1].{property}", reason);
    }

    [Fact]
    public void A_fractional_weight_is_allowed()
    {
        var rubric = RubricParser.Parse(SampleRubric.File, SampleRubric.Json(r => r.StepAt(0)["weight"] = 0.75)).Value;

        Assert.Equal(0.75, rubric!.Steps[0].Weight);
    }

    [Theory]
    [InlineData(1, "has 1 criterion; 2 to 5 are needed.")]
    [InlineData(6, "has 6 criteria; 2 to 5 are needed.")]
    public void A_step_needs_two_to_five_criteria(int count, string reason)
    {
        var problems = Problems(r => r.StepAt(0)["criteria"] =
            new JsonArray(Enumerable.Range(1, count).Select(i => (JsonNode?)SampleRubric.Criterion($"c{i}")).ToArray()));

        Assert.Equal(reason, Assert.Single(problems, p => p.Path == "$.steps[0].criteria").Reason);
    }

    [Fact]
    public void A_rubric_without_steps_is_reported()
    {
        Problems(r => r["steps"] = new JsonArray()).HasProblem("$.steps", "has 0 steps; 1 to 12 are needed.");
    }

    [Fact]
    public void A_step_without_questions_is_reported()
    {
        Problems(r => r.StepAt(0)["questions"] = new JsonArray()).HasProblem("$.steps[0].questions", "has 0 questions");
    }

    [Fact]
    public void A_duplicate_id_is_reported_even_when_the_step_has_other_problems()
    {
        var problems = Problems(r =>
        {
            r.StepAt(1)["id"] = "clarify";
            r.StepAt(1).Remove("purpose");
        });

        problems.HasProblem("$.steps[1].id", "duplicate step id 'clarify'");
        problems.HasProblem("$.steps[1].purpose", "is required but missing");
    }

    [Fact]
    public void A_missing_level_bar_is_reported()
    {
        Problems(r => r["levelBars"]!.AsObject().Remove("senior")).HasProblem("$.levelBars.senior", "is required but missing");
    }

    [Fact]
    public void Missing_level_bars_are_reported()
    {
        Problems(r => r.Remove("levelBars")).HasProblem("$.levelBars", "is required but missing");
    }

    [Theory]
    [InlineData("minOverall", 0.5)]
    [InlineData("minOverall", 4.5)]
    [InlineData("minStep", 0)]
    [InlineData("minStep", 5)]
    public void A_level_bar_outside_1_to_4_is_reported(string property, double value)
    {
        Problems(r => r["levelBars"]!["mid"]![property] = value)
            .HasProblem($"$.levelBars.mid.{property}", "must be between 1 and 4");
    }

    [Fact]
    public void Level_bars_that_fall_from_one_level_to_the_next_are_reported()
    {
        var problems = Problems(r =>
        {
            r["levelBars"]!["staff"]!["minOverall"] = 2.9;
            r["levelBars"]!["senior"]!["minStep"] = 1.5;
        });

        problems.HasProblem("$.levelBars.staff.minOverall", "Staff minOverall 2.9 is below Senior minOverall 3");
        problems.HasProblem("$.levelBars.senior.minStep", "Senior minStep 1.5 is below Mid minStep 2");
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Equal_bars_for_neighbouring_levels_are_allowed()
    {
        var json = SampleRubric.Json(r => r["levelBars"]!["senior"] = SampleRubric.Bar(2.5, 2));

        Assert.True(RubricParser.Parse(SampleRubric.File, json).IsValid);
    }

    [Fact]
    public void Oversize_strings_are_reported_with_their_length_and_the_limit()
    {
        var problems = Problems(r =>
        {
            r["title"] = new string('t', RubricLimits.MaxTitle + 1);
            r.LevelsAt(0, 0)[3]!["descriptor"] = new string('d', 5_000);
            r.StepAt(1)["id"] = new string('a', 65);
        });

        problems.HasProblem("$.title", "is 121 characters long; the limit is 120.");
        problems.HasProblem("$.steps[0].criteria[0].levels[3].descriptor", "is 5,000 characters long; the limit is 600.");
        problems.HasProblem("$.steps[1].id", "is 65 characters long; the limit is 64.");
    }

    [Fact]
    public void Blank_strings_are_reported()
    {
        var problems = Problems(r =>
        {
            r["description"] = "   ";
            r.StepAt(0)["questions"] = new JsonArray("");
        });

        problems.HasProblem("$.description", "must not be empty");
        problems.HasProblem("$.steps[0].questions[0]", "must not be empty");
    }

    [Fact]
    public void An_oversize_file_is_rejected_before_it_is_parsed()
    {
        var json = SampleRubric.Json(r => r["description"] = new string('x', 1_000_001));

        var problem = Assert.Single(ProblemsOf(RubricParser.Parse(SampleRubric.File, json)));

        Assert.Equal("$", problem.Path);
        Assert.Contains("the limit is 1,000,000", problem.Reason);
    }

    [Fact]
    public void A_flood_of_problems_is_cut_off_with_a_count_of_the_rest()
    {
        var problems = Problems(r => r.StepAt(0)["questions"] = new JsonArray(Enumerable.Range(0, 500).Select(_ => (JsonNode?)1).ToArray()));

        // The first problem is the array's length, then one per item until the cap.
        Assert.Equal(201, problems.Count);
        Assert.Equal("$.steps[0].questions", problems[0].Path);
        Assert.Equal("$.steps[0].questions[198]", problems[199].Path);
        Assert.Equal("301 more problems were found but are not listed; fix the ones above first.", problems[200].Reason);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once()
    {
        var problems = Problems(r =>
        {
            r["id"] = "Sample";
            r["version"] = 0;
            r["author"] = "someone";
            r.StepAt(0)["budgetMinutes"] = -1;
            r.StepAt(1)["id"] = "clarify";
            r.LevelsAt(1, 2).RemoveAt(0);
            r.CriterionAt(0, 1)["title"] = false;
            r["levelBars"]!["staff"]!["minStep"] = 2;
        });

        Assert.Equal(
            [
                "$.author",
                "$.id",
                "$.version",
                "$.steps[0].budgetMinutes",
                "$.steps[0].criteria[1].title",
                "$.steps[1].id",
                "$.steps[1].criteria[2].levels",
                "$.levelBars.staff.minStep",
            ],
            problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Equal(SampleRubric.File, p.File));
    }
}
