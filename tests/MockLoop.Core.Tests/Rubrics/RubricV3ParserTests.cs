using System.Text.Json.Nodes;
using MockLoop.Core.Rubrics;
using static MockLoop.Core.Tests.Rubrics.ProblemAssertions;

namespace MockLoop.Core.Tests.Rubrics;

/// <summary>The version 3 fields: red-flag severity, after-probe, levels and systems; whole-interview steps.</summary>
public class RubricV3ParserTests
{
    private static JsonObject WithWholeInterview(JsonObject rubric)
    {
        var whole = SampleRubric.Step("whole", budget: 1, weight: 1, "communication", "design");
        whole.Remove("budgetMinutes");
        whole["scope"] = "interview";
        rubric["steps"]!.AsArray().Add(whole);
        return rubric;
    }

    private static ParseResult<Rubric> Parse(Action<JsonObject> mutate) => RubricParser.Parse(SampleRubric.File, SampleRubric.Json(mutate));

    [Fact]
    public void Red_flags_read_their_severity_probe_rule_levels_and_systems()
    {
        var result = Parse(r => r.StepAt(1)["redFlags"] = new JsonArray(
            new JsonObject { ["id"] = "slow", ["description"] = "No latency budget.", ["severity"] = "lowers-step", ["afterProbe"] = true, ["systems"] = new JsonArray("online") },
            new JsonObject { ["id"] = "big", ["description"] = "Unservable model.", ["levels"] = new JsonArray("senior", "staff") },
            new JsonObject { ["id"] = "note", ["description"] = "Talked over hints.", ["severity"] = "note" }));

        Assert.True(result.IsValid, Describe(result.Problems));
        var flags = result.Value.Steps[1].RedFlags;
        Assert.Equal(new RedFlag("slow", "No latency budget.") { Severity = RedFlagSeverity.LowersStep, AfterProbe = true, Systems = ["online"] }, flags[0]);
        Assert.Equal(RedFlagSeverity.CapsVerdict, flags[1].Severity);
        Assert.Equal([TargetLevel.Senior, TargetLevel.Staff], flags[1].Levels);
        Assert.False(flags[1].AppliesTo(TargetLevel.Mid, null));
        Assert.False(flags[0].AppliesTo(TargetLevel.Mid, SystemKinds.Batch));
        Assert.True(flags[0].AppliesTo(TargetLevel.Mid, null));
        Assert.Equal(RedFlagSeverity.Note, flags[2].Severity);
    }

    [Fact]
    public void Unknown_severities_levels_and_systems_are_refused_with_the_choices()
    {
        var problems = ProblemsOf(Parse(r => r.StepAt(0)["redFlags"] = new JsonArray(new JsonObject
        {
            ["id"] = "x", ["description"] = "X.", ["severity"] = "fatal", ["afterProbe"] = "yes",
            ["levels"] = new JsonArray("principal"), ["systems"] = new JsonArray("online", "online"),
        })));

        problems.HasProblem("$.steps[0].redFlags[0].severity", "'fatal' is not a severity; use one of: caps-verdict, lowers-step, note.");
        problems.HasProblem("$.steps[0].redFlags[0].afterProbe", "must be true or false");
        problems.HasProblem("$.steps[0].redFlags[0].levels[0]", "'principal' is not a level; use one of: mid, senior, staff.");
        problems.HasProblem("$.steps[0].redFlags[0].systems[1]", "'online' appears more than once.");
    }

    [Fact]
    public void A_whole_interview_step_has_no_budget_and_stays_off_the_timer()
    {
        var result = Parse(r => WithWholeInterview(r));

        Assert.True(result.IsValid, Describe(result.Problems));
        var rubric = result.Value;
        Assert.True(rubric.Steps[^1].IsWholeInterview);
        Assert.Equal(0, rubric.Steps[^1].BudgetMinutes);
        Assert.Equal(["clarify", "design"], rubric.TimedSteps.Select(s => s.Id));
        Assert.Equal(["clarify", "design"], new MockLoop.Core.Sessions.SessionDefinition(rubric, null, []).TimerSteps.Select(s => s.Id));
    }

    [Fact]
    public void A_whole_interview_step_with_a_budget_or_marked_core_is_refused()
    {
        var problems = ProblemsOf(Parse(r =>
        {
            WithWholeInterview(r);
            r.StepAt(2)["budgetMinutes"] = 5;
            r.StepAt(2)["core"] = true;
        }));

        problems.HasProblem("$.steps[2].budgetMinutes", "must be left out on a whole-interview step");
        problems.HasProblem("$.steps[2].core", "cannot be true on a whole-interview step");
    }

    [Fact]
    public void A_whole_interview_step_before_a_timed_one_or_an_unknown_scope_is_refused()
    {
        var early = ProblemsOf(Parse(r =>
        {
            WithWholeInterview(r);
            var steps = r["steps"]!.AsArray();
            var whole = steps[2]!;
            steps.RemoveAt(2);
            steps.Insert(0, whole);
        }));
        var unknown = ProblemsOf(Parse(r => r.StepAt(0)["scope"] = "session"));

        early.HasProblem("$.steps[0]", "'whole' is scored across the whole interview, so it must come after every timed step (it comes before 'design').");
        unknown.HasProblem("$.steps[0].scope", "'session' is not a scope");
    }

    [Fact]
    public void A_timed_step_still_needs_its_budget()
    {
        ProblemsOf(Parse(r => r.StepAt(0).Remove("budgetMinutes"))).HasProblem("$.steps[0].budgetMinutes", "is required but missing.");
    }
}
