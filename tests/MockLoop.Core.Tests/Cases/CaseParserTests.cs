using System.Text.Json.Nodes;
using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Tests.Rubrics;
using static MockLoop.Core.Tests.Rubrics.ProblemAssertions;

namespace MockLoop.Core.Tests.Cases;

public class CaseParserTests
{
    private static readonly Rubric Rubric = RubricParser.Parse(SampleRubric.File, SampleRubric.Json()).Value!;
    private static readonly ComponentVocabulary Vocabulary = ComponentVocabularyTests.Sample();
    private static readonly Dictionary<string, Rubric> Rubrics = new() { ["sample"] = Rubric };

    internal static JsonObject Build() => new()
    {
        ["id"] = "video-recommendations",
        ["rubric"] = "sample",
        ["title"] = "Recommend videos on the home page",
        ["prompt"] = "Design the home feed of a video platform.",
        ["difficulty"] = "medium",
        ["facts"] = new JsonArray(
            new JsonObject { ["topic"] = "Scale", ["detail"] = "200M daily active users." },
            new JsonObject { ["topic"] = "Latency", ["detail"] = "200 ms at p99 for the whole page." }),
        ["hints"] = new JsonObject
        {
            ["design"] = new JsonArray("Push for two stages: candidate generation, then ranking."),
            ["clarify"] = new JsonArray("Ask what the business optimises: watch time or clicks?"),
        },
        ["expectedComponents"] = new JsonArray("client", "feature-store", "ann-index"),
    };

    private static ParseResult<InterviewCase> Parse(Action<JsonObject>? mutate = null, CaseReferences? references = null)
    {
        var json = Build();
        mutate?.Invoke(json);
        return CaseParser.Parse("cases/video-recommendations.json", json.ToJsonString(), references ?? new CaseReferences(Rubrics, Vocabulary));
    }

    private static IReadOnlyList<RubricProblem> Problems(Action<JsonObject> mutate) => ProblemsOf(Parse(mutate));

    [Fact]
    public void A_valid_case_becomes_a_record_with_hints_in_the_rubric_step_order()
    {
        var result = Parse();

        Assert.True(result.IsValid, Describe(result.Problems));
        var interviewCase = result.Value;
        Assert.Equal("video-recommendations", interviewCase.Id);
        Assert.Equal("sample", interviewCase.RubricId);
        Assert.Equal(CaseDifficulty.Medium, interviewCase.Difficulty);
        Assert.Equal(new CaseFact("Scale", "200M daily active users."), interviewCase.Facts[0]);
        Assert.Equal(["clarify", "design"], interviewCase.Hints.Keys);
        Assert.Single(interviewCase.HintsFor("design"));
        Assert.Equal(["client", "feature-store", "ann-index"], interviewCase.ExpectedComponents);
    }

    [Fact]
    public void The_simple_overload_checks_the_same_references()
    {
        var result = CaseParser.Parse("case.json", Build().ToJsonString(), Rubrics, Vocabulary);

        Assert.True(result.IsValid, Describe(result.Problems));
    }

    [Fact]
    public void Difficulty_is_optional()
    {
        var result = Parse(c => c.Remove("difficulty"));

        Assert.Null(result.Value!.Difficulty);
    }

    [Fact]
    public void A_case_naming_an_unknown_rubric_is_reported()
    {
        var problem = Assert.Single(Problems(c => c["rubric"] = "system-design"));

        Assert.Equal("$.rubric", problem.Path);
        Assert.Equal("names the rubric 'system-design', which does not exist (known rubrics: sample).", problem.Reason);
    }

    [Fact]
    public void A_case_naming_a_rubric_that_failed_validation_is_not_blamed_for_it()
    {
        var references = new CaseReferences(new Dictionary<string, Rubric>(), Vocabulary)
        {
            BrokenRubricIds = new HashSet<string> { "sample" },
        };

        var result = Parse(references: references);

        Assert.True(result.IsValid, Describe(result.Problems));
    }

    [Fact]
    public void A_hint_keyed_by_an_unknown_step_is_reported()
    {
        Problems(c => c["hints"]!["deployment"] = new JsonArray("Ask about canaries."))
            .HasProblem("$.hints.deployment", "'deployment' is not a step of rubric 'sample' (its steps: clarify, design).");
    }

    [Fact]
    public void A_hint_key_with_hyphens_is_reported_with_a_bracketed_path()
    {
        Problems(c => c["hints"]!["data-and-features"] = new JsonArray("Ask about labels."))
            .HasProblem("$.hints['data-and-features']", "is not a step of rubric 'sample'");
    }

    [Fact]
    public void Hints_that_are_not_lists_of_strings_are_reported()
    {
        var problems = Problems(c =>
        {
            c["hints"]!["clarify"] = "one hint";
            c["hints"]!["design"] = new JsonArray("fine", 3);
        });

        problems.HasProblem("$.hints.clarify", "must be an array, not a string");
        problems.HasProblem("$.hints.design[1]", "must be a string, not a number");
    }

    [Fact]
    public void An_unknown_component_in_a_case_is_reported()
    {
        Problems(c => c["expectedComponents"]!.AsArray().Add("kafka"))
            .HasProblem("$.expectedComponents[3]", "'kafka' is not in the component vocabulary (components.json).");
    }

    [Fact]
    public void A_component_listed_twice_is_reported()
    {
        Problems(c => c["expectedComponents"]!.AsArray().Add("client"))
            .HasProblem("$.expectedComponents[3]", "duplicate component id 'client'");
    }

    [Fact]
    public void Without_a_vocabulary_component_ids_are_only_checked_for_form()
    {
        var result = Parse(c => c["expectedComponents"]!.AsArray().Add("kafka"), new CaseReferences(Rubrics, null));

        Assert.True(result.IsValid, Describe(result.Problems));
    }

    [Fact]
    public void An_unknown_difficulty_is_reported()
    {
        Problems(c => c["difficulty"] = "brutal").HasProblem("$.difficulty", "'brutal' is not a difficulty; use easy, medium or hard.");
    }

    [Fact]
    public void Facts_with_missing_or_unknown_fields_are_reported()
    {
        var problems = Problems(c =>
        {
            c["facts"]![0]!.AsObject().Remove("detail");
            c["facts"]![1]!["source"] = "PM";
        });

        problems.HasProblem("$.facts[0].detail", "is required but missing");
        problems.HasProblem("$.facts[1].source", "is not a known property");
    }

    [Fact]
    public void Every_problem_in_a_case_is_reported_at_once()
    {
        var problems = Problems(c =>
        {
            c.Remove("title");
            c["prompt"] = new string('p', RubricLimits.MaxPrompt + 1);
            c["facts"] = new JsonArray();
            c["hints"]!["monitoring"] = new JsonArray("Drift?");
            c["expectedComponents"]!.AsArray().Add("kafka");
            c["owner"] = "me";
        });

        Assert.Equal(
            ["$.owner", "$.title", "$.prompt", "$.facts", "$.hints.monitoring", "$.expectedComponents[3]"],
            problems.Select(p => p.Path));
    }
}
