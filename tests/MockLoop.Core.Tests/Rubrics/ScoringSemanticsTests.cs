using System.Text.Json.Nodes;
using MockLoop.Core.Rubrics;
using static MockLoop.Core.Tests.Rubrics.ProblemAssertions;

namespace MockLoop.Core.Tests.Rubrics;

/// <summary>
/// The version 2 scoring semantics: not probed is not assessed, level 4 needs two strong signals, a hint caps a
/// criterion at 3, red flags cap the verdict, the per-step minimum looks at core steps only (Staff forgives one
/// miss and asks for depth in two steps), and a session that ran out of time still gets a verdict.
/// </summary>
public class ScoringSemanticsTests
{
    // Steps (weight): intro (1, not core) a, b · frame (2, core) a, b · model (2, core) a, b · wrap (1, not core) a, b.
    // Bars: Mid 2.4 / 2 · Senior 2.9 / 2.5 · Staff 3.2 / 3, one miss allowed, two steps at 3.5 or more.
    private static readonly Rubric Rubric = RubricParser.Parse("v2.json", Json()).Value!;

    internal static string Json(Action<JsonObject>? mutate = null)
    {
        var rubric = SampleRubric.Build();
        rubric["slotMinutes"] = 30;
        rubric["levelExpectations"] = new JsonObject { ["mid"] = "Some steering.", ["senior"] = "Drives most of it.", ["staff"] = "Drives it, deep in two areas." };
        rubric["steps"] = new JsonArray(Step("intro", core: false), Step("frame", core: true), Step("model", core: true), Step("wrap", core: false));
        rubric["levelBars"] = new JsonObject
        {
            ["mid"] = SampleRubric.Bar(2.4, 2),
            ["senior"] = SampleRubric.Bar(2.9, 2.5),
            ["staff"] = new JsonObject
            {
                ["minOverall"] = 3.2, ["minStep"] = 3, ["stepMissesAllowed"] = 1,
                ["deepSteps"] = new JsonObject { ["count"] = 2, ["minScore"] = 3.5 },
            },
        };
        mutate?.Invoke(rubric);
        return rubric.ToJsonString();
    }

    private static JsonObject Step(string id, bool core)
    {
        var step = SampleRubric.Step(id, budget: 5, weight: core ? 2 : 1, "a", "b");
        if (core)
        {
            step["core"] = true;
        }
        step["redFlags"] = new JsonArray(new JsonObject { ["id"] = $"{id}-flag", ["description"] = $"A serious mistake in {id}." });
        foreach (var criterion in step["criteria"]!.AsArray())
        {
            criterion!["strongSignals"] = new JsonArray("Quantifies cost.", "Names a failure mode.", "Compares two options.");
        }
        return step;
    }

    private static Scorecard Card(params (string Step, int A, int B)[] steps) =>
        steps.Aggregate(Scorecard.Empty, (card, s) => card.With(s.Step, "a", s.A).With(s.Step, "b", s.B));

    private static LevelVerdict Verdict(Scorecard card, TargetLevel level, VerdictInputs? inputs = null) =>
        RubricScoring.Verdict(Rubric, RubricScoring.Score(Rubric, card), level, inputs);

    [Fact]
    public void The_version_2_fields_are_read_from_the_rubric()
    {
        Assert.Equal(30, Rubric.SlotMinutes);
        Assert.Equal(10, Rubric.BufferMinutes);
        Assert.Equal("Drives it, deep in two areas.", Rubric.Expectations!.For(TargetLevel.Staff));
        Assert.Equal(["frame", "model"], Rubric.BarSteps.Select(s => s.Id));
        Assert.Equal(new RedFlag("model-flag", "A serious mistake in model."), Rubric.FindRedFlag("model", "model-flag"));
        Assert.Equal(3, Rubric.Steps[0].Criteria[0].StrongSignals.Count);
        Assert.Equal(new DepthBar(2, 3.5), Rubric.BarFor(TargetLevel.Staff).Depth);
        Assert.Equal(1, Rubric.BarFor(TargetLevel.Staff).StepMissesAllowed);
    }

    [Fact]
    public void Budgets_that_do_not_fit_the_slot_are_reported()
    {
        ProblemsOf(RubricParser.Parse("v2.json", Json(r => r["slotMinutes"] = 15)))
            .HasProblem("$.slotMinutes", "is 15 but the step budgets add up to 20; the budgets must fit the slot.");
    }

    [Fact]
    public void Malformed_version_2_fields_are_reported_where_they_are()
    {
        var problems = ProblemsOf(RubricParser.Parse("v2.json", Json(r =>
        {
            r.StepAt(0)["core"] = "yes";
            r.StepAt(1)["redFlags"]!.AsArray().Add(new JsonObject { ["id"] = "frame-flag", ["description"] = "Again." });
            r.CriterionAt(2, 0)["strongSignals"] = new JsonArray("Only one.");
            r["levelBars"]!["staff"]!["deepSteps"] = new JsonObject { ["count"] = 0, ["minScore"] = 3.5 };
        })));

        problems.HasProblem("$.steps[0].core", "must be true or false, not a string");
        problems.HasProblem("$.steps[1].redFlags[1].id", "duplicate red flag id 'frame-flag'");
        problems.HasProblem("$.steps[2].criteria[0].strongSignals", "3");
        problems.HasProblem("$.levelBars.staff.deepSteps.count", "0");
    }

    [Fact]
    public void Not_probed_criteria_stay_not_assessed_and_non_core_steps_left_out_do_not_block_a_verdict()
    {
        var verdict = Verdict(Card(("frame", 3, 3), ("model", 3, 3)), TargetLevel.Senior);

        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.Equal(["intro", "wrap"], verdict.UnassessedSteps);
        Assert.Equal(3, verdict.Overall);
    }

    [Fact]
    public void Probed_and_missing_scores_1_and_counts_against_the_candidate()
    {
        var probedAndMissing = Card(("intro", 1, 1), ("frame", 3, 3), ("model", 3, 3), ("wrap", 3, 3));
        var notProbed = Card(("frame", 3, 3), ("model", 3, 3), ("wrap", 3, 3));

        Assert.Equal(16.0 / 6, Verdict(probedAndMissing, TargetLevel.Senior).Overall!.Value, 9);
        Assert.Equal(VerdictOutcome.Below, Verdict(probedAndMissing, TargetLevel.Senior).Outcome);
        Assert.Equal(VerdictOutcome.Meets, Verdict(probedAndMissing, TargetLevel.Mid).Outcome);
        Assert.Equal(VerdictOutcome.Meets, Verdict(notProbed, TargetLevel.Senior).Outcome);
    }

    [Fact]
    public void An_unassessed_core_step_gives_insufficient_data_while_time_remained()
    {
        var verdict = Verdict(Card(("intro", 3, 3), ("frame", 3, 3)), TargetLevel.Mid);

        Assert.Equal(VerdictOutcome.InsufficientData, verdict.Outcome);
        Assert.Equal(["model", "wrap"], verdict.UnassessedSteps);
        Assert.False(verdict.RanOutOfTime);
    }

    [Fact]
    public void A_session_that_ran_out_of_time_still_gets_a_verdict_naming_the_unassessed_steps()
    {
        var verdict = Verdict(Card(("intro", 3, 3), ("frame", 3, 3)), TargetLevel.Mid, new VerdictInputs([], RanOutOfTime: true));

        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.True(verdict.RanOutOfTime);
        Assert.Equal(["model", "wrap"], verdict.UnassessedSteps);
    }

    [Fact]
    public void Running_out_of_time_is_the_timer_not_reaching_the_last_step()
    {
        Assert.True(RubricScoring.RanOutOfTime(Rubric, new HashSet<string> { "intro", "frame" }));
        Assert.False(RubricScoring.RanOutOfTime(Rubric, new HashSet<string> { "intro", "frame", "model", "wrap" }));
        Assert.False(RubricScoring.RanOutOfTime(Rubric, new HashSet<string>()));
    }

    [Fact]
    public void A_hint_caps_a_criterion_at_3_in_the_step_score()
    {
        var card = Scorecard.Empty.With("model", "a", CriterionScore.Of(4, neededHint: true)).With("model", "b", 4);

        var step = RubricScoring.Score(Rubric, card).Step("model")!;

        Assert.Equal(3.5, step.Score);
        Assert.Equal(1, step.HintCapped);
        Assert.Equal(3, CriterionScore.Of(4, neededHint: true).Counted);
        Assert.Equal(2, CriterionScore.Of(2, neededHint: true).Counted);
    }

    [Fact]
    public void Level_4_needs_two_of_the_criterion_s_strong_signals()
    {
        var criterion = Rubric.Steps[2].Criteria[0];

        Assert.Contains("level 3 plus any 2", CriterionMarkRules.Check(criterion, 4, [0]), StringComparison.Ordinal);
        Assert.Null(CriterionMarkRules.Check(criterion, 4, [0, 2]));
        Assert.Null(CriterionMarkRules.Check(criterion, 3, [1]));
        Assert.Contains("numbered 0 to 2", CriterionMarkRules.Check(criterion, 4, [0, 3]), StringComparison.Ordinal);
        Assert.Equal("Each strong signal can be ticked once.", CriterionMarkRules.Check(criterion, 4, [1, 1]));
    }

    [Fact]
    public void A_criterion_without_strong_signals_takes_level_4_on_its_descriptor_alone()
    {
        var plain = RubricParser.Parse(SampleRubric.File, SampleRubric.Json()).Value!.Steps[0].Criteria[0];

        Assert.Null(CriterionMarkRules.Check(plain, 4, []));
        Assert.Contains("lists no strong signals", CriterionMarkRules.Check(plain, 3, [0]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_red_flag_caps_the_verdict_at_below_whatever_the_average()
    {
        var card = Card(("intro", 4, 4), ("frame", 4, 4), ("model", 4, 4), ("wrap", 4, 4));

        var verdict = Verdict(card, TargetLevel.Mid, new VerdictInputs([new RedFlagRef("frame", "frame-flag")], false));

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.Equal(4, verdict.Overall);
        Assert.Equal("A serious mistake in frame.", Assert.Single(verdict.RedFlags).Flag.Description);
    }

    [Fact]
    public void An_unknown_red_flag_is_refused()
    {
        var result = RubricScoring.Score(Rubric, Card(("frame", 3, 3)));

        Assert.Throws<ArgumentException>(() => RubricScoring.Verdict(Rubric, result, TargetLevel.Mid, new VerdictInputs([new RedFlagRef("frame", "nope")], false)));
    }

    [Fact]
    public void The_per_step_minimum_applies_to_core_steps_only()
    {
        var verdict = Verdict(Card(("intro", 1, 2), ("frame", 3, 3), ("model", 4, 4), ("wrap", 3, 3)), TargetLevel.Senior);

        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.Empty(verdict.StepsBelowBar);
    }

    [Fact]
    public void A_weak_core_step_fails_senior()
    {
        var verdict = Verdict(Card(("intro", 4, 4), ("frame", 2, 2), ("model", 4, 4), ("wrap", 4, 4)), TargetLevel.Senior);

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.Equal("frame", Assert.Single(verdict.StepsBelowBar).StepId);
    }

    [Fact]
    public void A_strong_staff_performance_deep_in_two_areas_and_solid_elsewhere_meets_the_staff_bar()
    {
        var verdict = Verdict(Card(("intro", 3, 3), ("frame", 4, 4), ("model", 4, 3), ("wrap", 3, 3)), TargetLevel.Staff);

        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.Null(verdict.Depth);
    }

    [Fact]
    public void Staff_forgives_one_core_step_below_the_minimum_but_not_two()
    {
        var one = Verdict(Card(("intro", 4, 4), ("frame", 3, 2), ("model", 4, 4), ("wrap", 4, 3)), TargetLevel.Staff);
        var two = Verdict(Card(("intro", 4, 4), ("frame", 3, 2), ("model", 3, 2), ("wrap", 4, 4)), TargetLevel.Staff);

        Assert.Equal(VerdictOutcome.Meets, one.Outcome);
        Assert.Equal(1, one.ForgivenMisses);
        Assert.Equal(VerdictOutcome.Below, two.Outcome);
    }

    [Fact]
    public void A_high_average_deep_in_only_one_area_is_below_staff_but_meets_senior()
    {
        var card = Card(("intro", 3, 3), ("frame", 4, 4), ("model", 3, 3), ("wrap", 3, 3));

        var staff = Verdict(card, TargetLevel.Staff);

        Assert.Equal(20.0 / 6, staff.Overall!.Value, 9);
        Assert.Equal(VerdictOutcome.Below, staff.Outcome);
        Assert.Equal(new DepthShortfall(2, 1, 3.5), staff.Depth);
        Assert.Equal(VerdictOutcome.Meets, Verdict(card, TargetLevel.Senior).Outcome);
    }

    [Fact]
    public void A_rubric_without_core_steps_keeps_the_version_1_verdict()
    {
        var v1 = RubricParser.Parse(SampleRubric.File, SampleRubric.Json()).Value!;
        var card = Scorecard.Empty.With("clarify", "scope", 3);

        var verdict = RubricScoring.Verdict(v1, RubricScoring.Score(v1, card), TargetLevel.Mid, new VerdictInputs([], RanOutOfTime: true));

        Assert.Equal(VerdictOutcome.InsufficientData, verdict.Outcome);
        Assert.False(verdict.RanOutOfTime);
        Assert.Equal(["clarify", "design"], v1.BarSteps.Select(s => s.Id));
    }
}
