using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Tests.Rubrics;

/// <summary>
/// Every claim the shipped rubric's level texts make, worked through its real bars and weights: the bars mean what
/// the words say. When a bar or a weight changes, these say which sentence of the rubric it broke.
/// </summary>
public class ShippedBarsTests
{
    private static readonly Rubric Rubric = RubricLibrary.LoadDirectory(ShippedContent.RubricsDir).FindRubric("ml-system-design")!.Rubric;

    private static readonly string[] CoreSteps = ["frame-ml-task", "data-and-features", "model-development", "evaluation"];

    /// <summary>Every criterion of every step at <paramref name="level"/>, then the given criteria changed.</summary>
    private static Scorecard Everywhere(int level, params (string Step, string Criterion, int Level)[] changes)
    {
        var card = Rubric.Steps.SelectMany(s => s.Criteria.Select(c => (Step: s.Id, Criterion: c.Id)))
            .Aggregate(Scorecard.Empty, (c, x) => c.With(x.Step, x.Criterion, level));
        return changes.Aggregate(card, (c, x) => c.With(x.Step, x.Criterion, x.Level));
    }

    /// <summary>Every criterion of the named steps at <paramref name="level"/>.</summary>
    private static (string, string, int)[] Steps(int level, params string[] stepIds) =>
        stepIds.SelectMany(id => Rubric.FindStep(id)!.Criteria.Select(c => (id, c.Id, level))).ToArray();

    private static LevelVerdict Verdict(Scorecard card, TargetLevel level, VerdictInputs? inputs = null) =>
        RubricScoring.Verdict(Rubric, RubricScoring.Score(Rubric, card), level, inputs);

    [Fact]
    public void Staff_deep_in_two_steps_and_solid_elsewhere_meets_the_staff_bar()
    {
        // Data at 3.5 (one of two criteria at 4), model at 3.67 (two of three at 4), every other criterion at 3.
        var card = Everywhere(3, ("data-and-features", "labels-and-dataset", 4), ("model-development", "architecture", 4), ("model-development", "training", 4));

        var verdict = Verdict(card, TargetLevel.Staff);

        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.InRange(verdict.Overall!.Value, 3.1, 3.25);
    }

    [Fact]
    public void Staff_deep_in_the_two_lightest_steps_still_meets_the_staff_bar()
    {
        var card = Everywhere(3, ("clarify-requirements", "scale-and-budgets", 4), ("deployment-and-serving", "serving-path", 4));

        Assert.Equal(VerdictOutcome.Meets, Verdict(card, TargetLevel.Staff).Outcome);
    }

    [Fact]
    public void Solid_everywhere_without_depth_misses_staff_on_depth_alone()
    {
        var verdict = Verdict(Everywhere(3), TargetLevel.Staff);

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.False(verdict.OverallBelowBar);
        Assert.Empty(verdict.StepsBelowBar);
        Assert.Equal(new DepthShortfall(2, 0, 3.5), verdict.Depth);
        Assert.Equal(VerdictOutcome.Meets, Verdict(Everywhere(3), TargetLevel.Senior).Outcome);
    }

    [Fact]
    public void Staff_deep_in_two_but_weak_in_a_core_criterion_misses_staff()
    {
        var card = Everywhere(3, ("data-and-features", "labels-and-dataset", 4), ("model-development", "architecture", 4),
            ("model-development", "training", 4), ("evaluation", "online-experiment", 2));

        var verdict = Verdict(card, TargetLevel.Staff);

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.Equal(["evaluation"], verdict.StepsBelowBar.Select(s => s.StepId));
    }

    [Fact]
    public void Mid_with_weak_on_all_four_core_steps_does_not_meet_mid_whatever_the_other_steps_score()
    {
        var card = Everywhere(4, Steps(2, CoreSteps));

        var verdict = Verdict(card, TargetLevel.Mid);

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.Equal(CoreSteps, verdict.StepsBelowBar.Select(s => s.StepId));
    }

    [Fact]
    public void Mid_may_be_weak_in_one_core_step_when_solid_on_the_other_three()
    {
        var card = Everywhere(3, Steps(2, "model-development"));

        var verdict = Verdict(card, TargetLevel.Mid);

        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.Equal(1, verdict.ForgivenMisses);
        Assert.Equal(VerdictOutcome.Below, Verdict(Everywhere(3, Steps(2, "model-development", "evaluation")), TargetLevel.Mid).Outcome);
    }

    [Fact]
    public void Mid_with_half_of_every_criterion_solid_meets_mid_but_not_senior()
    {
        var card = Rubric.Steps.Aggregate(Scorecard.Empty, (c, s) =>
            s.Criteria.Select((criterion, i) => (criterion, i)).Aggregate(c, (cc, x) => cc.With(s.Id, x.criterion.Id, x.i % 2 == 0 ? 3 : 2)));

        Assert.Equal(VerdictOutcome.Meets, Verdict(card, TargetLevel.Mid).Outcome);
        Assert.Equal(VerdictOutcome.Below, Verdict(card, TargetLevel.Senior).Outcome);
    }

    [Fact]
    public void Senior_with_one_weak_core_criterion_and_the_rest_solid_meets_senior()
    {
        foreach (var (step, criterion) in CoreSteps.SelectMany(id => Rubric.FindStep(id)!.Criteria.Select(c => (id, c.Id))))
        {
            var verdict = Verdict(Everywhere(3, (step, criterion, 2)), TargetLevel.Senior);

            Assert.True(verdict.Outcome == VerdictOutcome.Meets, $"One Weak {step}/{criterion} should still meet Senior: {verdict}");
        }
    }

    [Fact]
    public void Senior_with_two_weak_core_criteria_or_a_whole_weak_core_step_misses_senior()
    {
        Assert.Equal(VerdictOutcome.Below,
            Verdict(Everywhere(3, ("frame-ml-task", "task-formulation", 2), ("data-and-features", "labels-and-dataset", 2)), TargetLevel.Senior).Outcome);
        Assert.Equal(VerdictOutcome.Below, Verdict(Everywhere(3, Steps(2, "frame-ml-task")), TargetLevel.Senior).Outcome);
    }

    [Fact]
    public void Senior_allows_about_one_weak_step_outside_the_core_but_not_two()
    {
        Assert.Equal(VerdictOutcome.Meets, Verdict(Everywhere(3, Steps(2, "clarify-requirements")), TargetLevel.Senior).Outcome);

        var two = Verdict(Everywhere(3, Steps(2, "clarify-requirements", "deployment-and-serving")), TargetLevel.Senior);

        Assert.Equal(VerdictOutcome.Below, two.Outcome);
        Assert.True(two.OverallBelowBar);
    }

    [Fact]
    public void A_verdict_capping_flag_fails_every_level_it_applies_to()
    {
        var inputs = new VerdictInputs([new RedFlagRef("data-and-features", "leaky-split")], false);

        Assert.All(Enum.GetValues<TargetLevel>(), level => Assert.Equal(VerdictOutcome.Below, Verdict(Everywhere(4), level, inputs).Outcome));
    }

    [Fact]
    public void An_unservable_model_caps_senior_and_staff_but_not_mid()
    {
        var inputs = new VerdictInputs([new RedFlagRef("model-development", "unservable-model")], false);

        Assert.Equal(VerdictOutcome.Meets, Verdict(Everywhere(3), TargetLevel.Mid, inputs).Outcome);
        Assert.Equal(VerdictOutcome.Below, Verdict(Everywhere(3), TargetLevel.Senior, inputs).Outcome);
        Assert.Empty(Verdict(Everywhere(3), TargetLevel.Mid, inputs).RedFlags);
    }

    [Fact]
    public void A_step_lowering_flag_takes_a_point_off_its_step_and_the_verdict_follows()
    {
        var inputs = new VerdictInputs([new RedFlagRef("evaluation", "launch-without-online-test")], false);

        var verdict = Verdict(Everywhere(3), TargetLevel.Senior, inputs);

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.Equal([("evaluation", 2.0)], verdict.StepsBelowBar.Select(s => (s.StepId, s.Score)));
        Assert.Equal("launch-without-online-test", Assert.Single(verdict.LoweringFlags).Flag.Id);
        Assert.Empty(verdict.RedFlags);
        Assert.Equal(VerdictOutcome.Meets, Verdict(Everywhere(3), TargetLevel.Mid, inputs).Outcome);
    }

    [Fact]
    public void A_lowered_step_never_goes_below_1()
    {
        var inputs = new VerdictInputs([new RedFlagRef("monitoring-and-iteration", "no-quality-monitoring")], false);

        var verdict = Verdict(Everywhere(3, Steps(1, "monitoring-and-iteration")), TargetLevel.Mid, inputs);

        Assert.Equal(RubricScoring.Score(Rubric, Everywhere(3, Steps(1, "monitoring-and-iteration"))).Overall, verdict.Overall);
    }

    [Fact]
    public void A_note_is_reported_and_changes_nothing()
    {
        var inputs = new VerdictInputs([new RedFlagRef("whole-interview", "diagram-contradicts-talk")], false);

        var verdict = Verdict(Everywhere(3), TargetLevel.Senior, inputs);

        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.Equal("diagram-contradicts-talk", Assert.Single(verdict.NotedFlags).Flag.Id);
    }

    [Fact]
    public void A_batch_design_has_no_online_latency_flag_and_an_online_one_no_batch_throughput_flag()
    {
        RedFlagRef[] both = [new("deployment-and-serving", "no-latency-budget"), new("deployment-and-serving", "no-throughput-plan")];

        var batch = Verdict(Everywhere(3), TargetLevel.Senior, new VerdictInputs(both, false) { SystemKind = SystemKinds.Batch });
        var online = Verdict(Everywhere(3), TargetLevel.Senior, new VerdictInputs(both, false) { SystemKind = SystemKinds.Online });

        Assert.Equal(["no-throughput-plan"], batch.LoweringFlags.Select(f => f.Flag.Id));
        Assert.Equal(["no-latency-budget"], online.LoweringFlags.Select(f => f.Flag.Id));
    }

    [Fact]
    public void The_whole_interview_dimension_counts_in_the_overall_but_never_blocks_a_verdict()
    {
        var card = Everywhere(3, ("whole-interview", "communication", 4), ("whole-interview", "high-level-design", 4));
        var withoutIt = new Scorecard(card.Scores.Where(s => s.Key.StepId != "whole-interview").ToDictionary());

        Assert.Equal(3.1, RubricScoring.Score(Rubric, card).Overall!.Value, 9);
        var verdict = Verdict(withoutIt, TargetLevel.Senior);
        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.Equal(["whole-interview"], verdict.UnassessedSteps);
    }

    [Fact]
    public void Reaching_the_last_timed_step_is_not_running_out_of_time_though_the_whole_interview_dimension_has_no_timer()
    {
        var started = Rubric.TimedSteps.Select(s => s.Id).ToHashSet();

        Assert.False(RubricScoring.RanOutOfTime(Rubric, started));
        Assert.True(RubricScoring.RanOutOfTime(Rubric, started.Where(id => id != "monitoring-and-iteration").ToHashSet()));
    }
}
