using System.Text.Json.Nodes;
using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Tests.Rubrics;
using static MockLoop.Core.Tests.Rubrics.ProblemAssertions;

namespace MockLoop.Core.Tests.Cases;

/// <summary>The audit fields a case may carry: kind of system, envelope, probes, answer key, curveballs, Mid anchors.</summary>
public class CaseAuditParserTests
{
    private static readonly Rubric Rubric = RubricParser.Parse(SampleRubric.File, SampleRubric.Json()).Value!;
    private static readonly CaseReferences References = new(new Dictionary<string, Rubric> { ["sample"] = Rubric }, ComponentVocabularyTests.Sample());

    private static JsonObject Audited()
    {
        var json = CaseParserTests.Build();
        json["systemKind"] = "online";
        json["hints"]!["clarify"]!["midAnchor"] = "Asks the goal and the traffic.";
        json["envelope"] = new JsonObject
        {
            ["quantities"] = new JsonArray(
                Quantity("dailyRequests", 1_000_000_000, null),
                Quantity("averageRequestsPerSecond", 11574, "dailyRequests / 86400"),
                Quantity("gpusNeeded", 70, "35000 * 500 * 20000000 / 5000000000000")),
            ["claims"] = new JsonArray(new JsonObject { ["holds"] = "gpusNeeded <= 500", ["why"] = "the serving pool" }),
        };
        json["probes"] = new JsonArray(new JsonObject { ["criterion"] = "design/architecture", ["question"] = "Why two stages?" });
        json["answerKey"] = new JsonArray(new JsonObject { ["component"] = "ann-index", ["why"] = "Retrieval over a billion videos.", ["alternatives"] = "Brute force on a shard." });
        json["curveballs"] = new JsonArray(new JsonObject { ["title"] = "A viral creator", ["prompt"] = "What happens next?", ["minutes"] = 4, ["lookFor"] = "Freshness." });
        return json;
    }

    private static JsonObject Quantity(string name, double value, string? formula)
    {
        var q = new JsonObject { ["name"] = name, ["value"] = value, ["unit"] = "x" };
        if (formula is not null)
        {
            q["formula"] = formula;
            q["kind"] = "rate";
        }
        return q;
    }

    private static ParseResult<InterviewCase> Parse(Action<JsonObject>? mutate = null)
    {
        var json = Audited();
        mutate?.Invoke(json);
        return CaseParser.Parse("cases/video-recommendations.json", json.ToJsonString(), References);
    }

    [Fact]
    public void The_audit_fields_are_read_and_probes_reach_the_room_with_the_step_hints()
    {
        var result = Parse();

        Assert.True(result.IsValid, Describe(result.Problems));
        var c = result.Value;
        Assert.Equal(SystemKinds.Online, c.SystemKind);
        Assert.Equal(3, c.Envelope!.Quantities.Count);
        Assert.Equal(new CriterionProbe("design", "architecture", "Why two stages?"), Assert.Single(c.Probes));
        Assert.Equal("ann-index", Assert.Single(c.AnswerKey).Component);
        Assert.Equal(4, Assert.Single(c.Curveballs).Minutes);
        Assert.Equal("Asks the goal and the traffic.", c.HintSetFor("clarify")!.MidAnchor);
        Assert.Equal("Expected Mid answer: Asks the goal and the traffic.", c.HintsFor("clarify")[1]);
        Assert.Equal("Probe: Why two stages?", c.HintsFor("design")[^1]);
        Assert.Equal((StepHints.MidLabel, "Asks the goal and the traffic."), StepHints.SplitLine(c.HintsFor("clarify")[1]));
    }

    [Fact]
    public void A_stated_number_its_own_formula_contradicts_refuses_the_case()
    {
        var problem = Assert.Single(ProblemsOf(Parse(c => c["envelope"]!["quantities"]![2]!["value"] = 7)));

        Assert.Equal("$.envelope.quantities[2]", problem.Path);
        Assert.Contains("states 7 x, but its formula", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_the_numbers_contradict_refuses_the_case()
    {
        var problem = Assert.Single(ProblemsOf(Parse(c => c["envelope"]!["claims"]![0]!["holds"] = "gpusNeeded <= 50")));

        Assert.Equal("$.envelope.claims[0].holds", problem.Path);
        Assert.StartsWith("does not hold: \"gpusNeeded <= 50\" is 70 <= 50", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_rate_that_disagrees_with_the_budgets_refuses_the_case()
    {
        var problems = ProblemsOf(Parse(c =>
        {
            c["envelope"]!["quantities"]![0]!["value"] = 2_000_000_000;
            c["envelope"]!["quantities"]![1]!["value"] = 23148;
        }));

        problems.HasProblem("$.envelope.quantities[1]", "'averageRequestsPerSecond' is 23148 here but 11600 in budgets");
    }

    [Fact]
    public void Broken_audit_fields_are_each_reported_with_a_clear_reason()
    {
        var problems = ProblemsOf(Parse(c =>
        {
            c["systemKind"] = "streaming";
            c["probes"]![0]!["criterion"] = "design/nonsense";
            c["answerKey"]![0]!["component"] = "rules-engine";
            c["curveballs"]![0]!["minutes"] = 45;
            c["envelope"]!["quantities"]![1]!["formula"] = "dailyRequests / ";
            c["envelope"]!["quantities"]![0]!["name"] = "daily-requests";
        }));

        problems.HasProblem("$.systemKind", "'streaming' is not a kind of system; use one of: online, batch.");
        problems.HasProblem("$.probes[0].criterion", "'design/nonsense' is not a criterion of rubric 'sample'");
        problems.HasProblem("$.answerKey[0].component", "'rules-engine' is neither a core nor an optional component of the case.");
        problems.HasProblem("$.curveballs[0].minutes", "45");
        problems.HasProblem("$.envelope.quantities[0].name", "'daily-requests' is not a quantity name");
    }

    [Fact]
    public void A_case_without_audit_fields_still_loads_as_before()
    {
        var result = CaseParser.Parse("case.json", CaseParserTests.Build().ToJsonString(), References);

        Assert.True(result.IsValid, Describe(result.Problems));
        Assert.Null(result.Value.Envelope);
        Assert.Empty(result.Value.Probes);
        Assert.Null(result.Value.SystemKind);
    }
}
