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
        ["mlTask"] = "ranking",
        ["budgets"] = new JsonObject
        {
            ["averageRequestsPerSecond"] = 11600,
            ["peakRequestsPerSecond"] = 35000,
            ["dailyRequests"] = 1_000_000_000,
            ["latencyBudgetMs"] = 200,
            ["costBudget"] = "500 GPUs for serving.",
        },
        ["hints"] = new JsonObject
        {
            ["design"] = Hint("How many stages?", "Candidate generation, then ranking.", "Sizes each stage.", "One model over a billion videos."),
            ["clarify"] = Hint("What does the business optimise?", "Watch time and retention.", "Long-term satisfaction.", "Clicks only."),
        },
        ["coreComponents"] = new JsonArray("feature-store", "ann-index", "model-server", "embedding-service", "ranking-model", "training-pipeline"),
        ["optionalComponents"] = new JsonArray("client"),
        ["referenceDiagram"] = new JsonObject
        {
            ["nodes"] = new JsonArray(
                Node("app", "client"), Node("fs", "feature-store"), Node("ann", "ann-index"), Node("srv", "model-server"),
                Node("emb", "embedding-service"), Node("rank", "ranking-model"), Node("train", "training-pipeline")),
            ["links"] = new JsonArray(new JsonObject { ["id"] = "l1", ["sourceId"] = "app", ["targetId"] = "srv", ["label"] = "request" }),
        },
    };

    internal static JsonObject Hint(string probe, string senior, string staff, params string[] redFlags) => new()
    {
        ["probe"] = probe,
        ["seniorAnswer"] = senior,
        ["staffExtension"] = staff,
        ["redFlags"] = new JsonArray(redFlags.Select(f => (JsonNode?)f).ToArray()),
    };

    private static int nodeCount;

    internal static JsonObject Node(string id, string type) => new()
    {
        ["id"] = id,
        ["componentType"] = type,
        ["label"] = type,
        ["x"] = 40 + (Interlocked.Increment(ref nodeCount) % 7) * 200,
        ["y"] = 40,
        ["width"] = 180,
        ["height"] = 60,
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
        var design = interviewCase.HintSetFor("design")!;
        Assert.Equal(("How many stages?", "Candidate generation, then ranking.", "Sizes each stage."), (design.Probe, design.SeniorAnswer, design.StaffExtension));
        Assert.Equal(["One model over a billion videos."], design.RedFlags);
        Assert.Equal(["Probe: How many stages?", "Expected Senior answer: Candidate generation, then ranking.", "Staff extension: Sizes each stage.", "Red flag: One model over a billion videos."],
            interviewCase.HintsFor("design"));
        Assert.Equal(["feature-store", "ann-index", "model-server", "embedding-service", "ranking-model", "training-pipeline", "client"], interviewCase.ExpectedComponents);
        Assert.Equal("ranking", interviewCase.MlTask);
        Assert.Equal(new CaseBudgets(11600, 35000, 1_000_000_000, 200, "500 GPUs for serving."), interviewCase.Budgets);
        Assert.Equal(7, interviewCase.ReferenceDiagram!.Nodes.Count);
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
        Problems(c => c["hints"]!["deployment"] = Hint("Canary?", "Yes.", "Automated gates.", "None."))
            .HasProblem("$.hints.deployment", "'deployment' is not a step of rubric 'sample' (its steps: clarify, design).");
    }

    [Fact]
    public void A_hint_key_with_hyphens_is_reported_with_a_bracketed_path()
    {
        Problems(c => c["hints"]!["data-and-features"] = Hint("Labels?", "Bookings.", "Delayed joins.", "None."))
            .HasProblem("$.hints['data-and-features']", "is not a step of rubric 'sample'");
    }

    [Fact]
    public void Hints_that_are_not_split_into_probe_answers_and_red_flags_are_reported()
    {
        var problems = Problems(c =>
        {
            c["hints"]!["clarify"] = new JsonArray("one hint");
            c["hints"]!["design"]!.AsObject().Remove("staffExtension");
            c["hints"]!["design"]!["redFlags"] = new JsonArray("fine", 3);
        });

        problems.HasProblem("$.hints.clarify", "must be an object");
        problems.HasProblem("$.hints.design.staffExtension", "is required but missing");
        problems.HasProblem("$.hints.design.redFlags[1]", "must be a string, not a number");
    }

    [Fact]
    public void A_peak_below_the_average_request_rate_is_reported()
    {
        Problems(c => c["budgets"]!["peakRequestsPerSecond"] = 5000)
            .HasProblem("$.budgets.peakRequestsPerSecond", "is 5000, below the average of 11600; a peak is never below the average.");
    }

    [Fact]
    public void An_average_rate_that_contradicts_the_daily_requests_is_reported()
    {
        Problems(c => c["budgets"]!["dailyRequests"] = 100_000_000_000)
            .HasProblem("$.budgets.averageRequestsPerSecond", "100,000,000,000 requests a day average 1,157,407 per second");
    }

    [Fact]
    public void Budgets_need_a_latency_budget_and_a_cost_budget()
    {
        var problems = Problems(c =>
        {
            c["budgets"]!.AsObject().Remove("latencyBudgetMs");
            c["budgets"]!.AsObject().Remove("costBudget");
        });

        problems.HasProblem("$.budgets.latencyBudgetMs", "is required but missing");
        problems.HasProblem("$.budgets.costBudget", "is required but missing");
    }

    [Fact]
    public void An_unknown_ml_task_is_reported()
    {
        Problems(c => c["mlTask"] = "magic").HasProblem("$.mlTask", "'magic' is not an ML task; use one of: ranking, retrieval, classification, regression, detection, generation.");
    }

    [Fact]
    public void A_generic_component_can_never_be_core()
    {
        Problems(c => c["coreComponents"]!.AsArray().Add("client"))
            .HasProblem("$.coreComponents[6]", "'client' is generic infrastructure and can never be a core component");
    }

    [Fact]
    public void Fewer_than_six_core_components_are_reported()
    {
        Problems(c => c["coreComponents"] = new JsonArray("feature-store", "ann-index"))
            .HasProblem("$.coreComponents", "6 to 10 are needed");
    }

    [Fact]
    public void A_component_both_core_and_optional_is_reported()
    {
        Problems(c => c["optionalComponents"]!.AsArray().Add("ann-index"))
            .HasProblem("$.optionalComponents", "'ann-index' is already a core component.");
    }

    [Fact]
    public void A_reference_diagram_the_canvas_rules_reject_is_reported_at_the_element()
    {
        var problems = Problems(c =>
        {
            c["referenceDiagram"]!["nodes"]![1]!["componentType"] = "kafka";
            c["referenceDiagram"]!["links"]!.AsArray().Add(new JsonObject { ["id"] = "l2", ["sourceId"] = "app", ["targetId"] = "nowhere" });
        });

        problems.HasProblem("$.referenceDiagram.nodes[1]", "is rejected by the diagram rules");
        problems.HasProblem("$.referenceDiagram.links[1]", "is rejected by the diagram rules");
    }

    [Fact]
    public void A_reference_diagram_must_draw_every_core_component_and_nothing_unlisted()
    {
        var problems = Problems(c =>
        {
            c["referenceDiagram"]!["nodes"]!.AsArray().RemoveAt(6);
            c["referenceDiagram"]!["nodes"]!.AsArray().Add(Node("extra", "ranking-model"));
            c["optionalComponents"] = new JsonArray();
        });

        problems.HasProblem("$.referenceDiagram", "does not draw the core component(s) training-pipeline.");
        problems.HasProblem("$.referenceDiagram", "draws client, which the case lists neither as core nor as optional.");
    }

    [Fact]
    public void An_unknown_component_in_a_case_is_reported()
    {
        Problems(c => c["optionalComponents"]!.AsArray().Add("kafka"))
            .HasProblem("$.optionalComponents[1]", "'kafka' is not in the component vocabulary (components.json).");
    }

    [Fact]
    public void A_component_listed_twice_is_reported()
    {
        Problems(c => c["optionalComponents"]!.AsArray().Add("client"))
            .HasProblem("$.optionalComponents[1]", "duplicate component id 'client'");
    }

    [Fact]
    public void Without_a_vocabulary_component_ids_are_only_checked_for_form()
    {
        var result = Parse(c => c["optionalComponents"]!.AsArray().Add("kafka"), new CaseReferences(Rubrics, null));

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
            c["hints"]!["monitoring"] = Hint("Drift?", "Yes.", "Per slice.", "None.");
            c["optionalComponents"]!.AsArray().Add("kafka");
            c["owner"] = "me";
        });

        Assert.Equal(
            ["$.owner", "$.title", "$.prompt", "$.facts", "$.hints.monitoring", "$.optionalComponents[1]"],
            problems.Select(p => p.Path));
    }
}
