using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Tests.Rubrics;

public class RubricScoringTests
{
    // clarify (weight 1): scope, scale. design (weight 2): architecture, trade-offs, scope.
    // Bars: Mid 2.5 / 2, Senior 3 / 2.5, Staff 3.5 / 3.
    private static readonly Rubric Sample = RubricParser.Parse(SampleRubric.File, SampleRubric.Json()).Value!;

    private static Scorecard FullCard(int clarify, int design) => Scorecard.Empty
        .With("clarify", "scope", clarify).With("clarify", "scale", clarify)
        .With("design", "architecture", design).With("design", "trade-offs", design).With("design", "scope", design);

    [Fact]
    public void Nothing_assessed_gives_no_step_score_and_no_overall_score()
    {
        var result = RubricScoring.Score(Sample, Scorecard.Empty);

        Assert.Null(result.Overall);
        Assert.All(result.Steps, s => Assert.Null(s.Score));
        Assert.Equal(["clarify", "design"], result.Steps.Select(s => s.StepId));
        Assert.Equal([2, 3], result.Steps.Select(s => s.TotalCriteria));
    }

    [Fact]
    public void Explicitly_not_assessed_criteria_count_as_nothing_assessed()
    {
        var card = Scorecard.Empty.With("clarify", "scope", CriterionScore.NotAssessed);

        Assert.Null(RubricScoring.Score(Sample, card).Overall);
    }

    [Fact]
    public void A_step_score_is_the_mean_of_its_assessed_criteria()
    {
        var card = Scorecard.Empty.With("design", "architecture", 4).With("design", "trade-offs", 2).With("design", "scope", 3);

        var design = RubricScoring.Score(Sample, card).Step("design")!;

        Assert.Equal(3, design.Score);
        Assert.Equal(3, design.AssessedCriteria);
    }

    [Fact]
    public void Not_assessed_criteria_are_left_out_of_the_step_mean_rather_than_counted_as_zero()
    {
        var card = Scorecard.Empty
            .With("design", "architecture", 4)
            .With("design", "trade-offs", CriterionScore.NotAssessed)
            .With("design", "scope", 3);

        var design = RubricScoring.Score(Sample, card).Step("design")!;

        Assert.Equal(3.5, design.Score);
        Assert.Equal(2, design.AssessedCriteria);
        Assert.Equal(3, design.TotalCriteria);
    }

    [Fact]
    public void With_one_step_assessed_the_overall_score_is_that_step_score()
    {
        var card = Scorecard.Empty.With("clarify", "scope", 2).With("clarify", "scale", 3);

        var result = RubricScoring.Score(Sample, card);

        Assert.Equal(2.5, result.Overall);
        Assert.Null(result.Step("design")!.Score);
    }

    [Fact]
    public void The_overall_score_is_the_mean_of_step_scores_weighted_by_step_weight()
    {
        // (1 × 1 + 2 × 4) / (1 + 2) = 3, where an unweighted mean would give 2.5.
        var result = RubricScoring.Score(Sample, FullCard(clarify: 1, design: 4));

        Assert.Equal(3, result.Overall!.Value, precision: 12);
    }

    [Fact]
    public void Replacing_a_score_keeps_only_the_latest_value()
    {
        var card = Scorecard.Empty.With("clarify", "scope", 1).With("clarify", "scope", 4);

        Assert.Equal(4, RubricScoring.Score(Sample, card).Step("clarify")!.Score);
        Assert.Equal(4, card["clarify", "scope"].Value);
        Assert.False(card["clarify", "scale"].IsAssessed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void A_score_outside_1_to_4_is_rejected(int level)
    {
        var card = Scorecard.Empty.With("clarify", "scope", level);

        var error = Assert.Single(RubricScoring.Validate(Sample, card));
        Assert.Equal($"The score {level} for clarify/scope is outside the scale: use 1 to 4, or leave it not assessed.", error);
        var thrown = Assert.Throws<ArgumentException>(() => RubricScoring.Score(Sample, card));
        Assert.Contains(error, thrown.Message);
    }

    [Fact]
    public void Unknown_steps_and_criteria_are_rejected_together()
    {
        var card = Scorecard.Empty
            .With("deploy", "latency", 3)
            .With("design", "latency", 3)
            .With("clarify", "scope", 9);

        var errors = RubricScoring.Validate(Sample, card);

        Assert.Equal(
            [
                "The score 9 for clarify/scope is outside the scale: use 1 to 4, or leave it not assessed.",
                "Step 'deploy' is not in rubric 'sample'.",
                "Criterion 'latency' is not in step 'design' of rubric 'sample'.",
            ],
            errors);
        Assert.Throws<ArgumentException>(() => RubricScoring.Score(Sample, card));
    }

    [Fact]
    public void A_valid_scorecard_has_no_errors()
    {
        Assert.Empty(RubricScoring.Validate(Sample, FullCard(3, 3)));
    }

    [Fact]
    public void An_overall_score_exactly_at_the_bar_meets_the_level()
    {
        var result = RubricScoring.Score(Sample, FullCard(clarify: 3, design: 3));

        var verdict = RubricScoring.Verdict(Sample, result, TargetLevel.Senior);

        Assert.Equal(3, result.Overall);
        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
        Assert.False(verdict.OverallBelowBar);
        Assert.Empty(verdict.StepsBelowBar);
        Assert.Empty(verdict.UnassessedSteps);
        Assert.Equal(Sample.BarFor(TargetLevel.Senior), verdict.Bar);
    }

    [Fact]
    public void A_step_score_exactly_at_the_step_minimum_meets_the_level()
    {
        // Clarify 2.5 is exactly Senior's step minimum; overall (2.5 + 2 × 4) / 3 = 3.5 clears the overall bar.
        var card = FullCard(clarify: 3, design: 4).With("clarify", "scale", 2);

        var verdict = RubricScoring.Verdict(Sample, RubricScoring.Score(Sample, card), TargetLevel.Senior);

        Assert.Equal(VerdictOutcome.Meets, verdict.Outcome);
    }

    [Fact]
    public void An_overall_score_that_misses_the_bar_by_rounding_error_only_still_meets_it()
    {
        // 0.1 × 3 + 0.3 × 3 over 0.1 + 0.3 is 2.9999999999999996 in binary floating point.
        var rubric = Sample with { Steps = [Sample.Steps[0] with { Weight = 0.1 }, Sample.Steps[1] with { Weight = 0.3 }] };
        var result = RubricScoring.Score(rubric, FullCard(clarify: 3, design: 3));
        Assert.True(result.Overall < 3, "The test needs an overall that floating point puts just under 3.");

        Assert.Equal(VerdictOutcome.Meets, RubricScoring.Verdict(rubric, result, TargetLevel.Senior).Outcome);
    }

    [Fact]
    public void An_overall_score_below_the_bar_is_reported_as_the_failed_bar()
    {
        // Steps 2.5 and 3 clear Senior's step minimum of 2.5; the overall (2.5 + 6) / 3 ≈ 2.83 misses 3.
        var card = FullCard(clarify: 3, design: 3).With("clarify", "scale", 2);

        var verdict = RubricScoring.Verdict(Sample, RubricScoring.Score(Sample, card), TargetLevel.Senior);

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.True(verdict.OverallBelowBar);
        Assert.Empty(verdict.StepsBelowBar);
        Assert.Equal(2.8333, verdict.Overall!.Value, precision: 4);
    }

    [Fact]
    public void A_step_below_the_step_minimum_fails_the_level_even_when_the_overall_clears_it()
    {
        // Overall (2 + 2 × 4) / 3 ≈ 3.33 clears Senior's 3, but clarify at 2 is below the step minimum 2.5.
        var verdict = RubricScoring.Verdict(Sample, RubricScoring.Score(Sample, FullCard(clarify: 2, design: 4)), TargetLevel.Senior);

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.False(verdict.OverallBelowBar);
        Assert.Equal([new StepShortfall("clarify", 2, 2.5)], verdict.StepsBelowBar);
    }

    [Fact]
    public void The_same_scores_can_meet_one_level_and_miss_the_next()
    {
        var result = RubricScoring.Score(Sample, FullCard(clarify: 3, design: 3));

        Assert.Equal(VerdictOutcome.Meets, RubricScoring.Verdict(Sample, result, TargetLevel.Mid).Outcome);
        Assert.Equal(VerdictOutcome.Meets, RubricScoring.Verdict(Sample, result, TargetLevel.Senior).Outcome);
        var staff = RubricScoring.Verdict(Sample, result, TargetLevel.Staff);
        Assert.Equal(VerdictOutcome.Below, staff.Outcome);
        Assert.True(staff.OverallBelowBar);
        Assert.Empty(staff.StepsBelowBar);
    }

    [Fact]
    public void Nothing_assessed_is_insufficient_data()
    {
        var verdict = RubricScoring.Verdict(Sample, RubricScoring.Score(Sample, Scorecard.Empty), TargetLevel.Mid);

        Assert.Equal(VerdictOutcome.InsufficientData, verdict.Outcome);
        Assert.Equal(["clarify", "design"], verdict.UnassessedSteps);
        Assert.Null(verdict.Overall);
        Assert.False(verdict.OverallBelowBar);
    }

    [Fact]
    public void A_step_left_unassessed_makes_the_verdict_insufficient_data_even_with_high_scores()
    {
        var card = Scorecard.Empty.With("clarify", "scope", 4).With("clarify", "scale", 4);

        var verdict = RubricScoring.Verdict(Sample, RubricScoring.Score(Sample, card), TargetLevel.Mid);

        Assert.Equal(VerdictOutcome.InsufficientData, verdict.Outcome);
        Assert.Equal(["design"], verdict.UnassessedSteps);
    }

    [Fact]
    public void A_step_below_the_minimum_settles_the_verdict_as_below_even_with_steps_unassessed()
    {
        var card = Scorecard.Empty.With("clarify", "scope", 1).With("clarify", "scale", 2);

        var verdict = RubricScoring.Verdict(Sample, RubricScoring.Score(Sample, card), TargetLevel.Mid);

        Assert.Equal(VerdictOutcome.Below, verdict.Outcome);
        Assert.Equal("clarify", Assert.Single(verdict.StepsBelowBar).StepId);
        Assert.Equal(["design"], verdict.UnassessedSteps);
        Assert.False(verdict.OverallBelowBar);
    }

    [Fact]
    public void A_score_computed_for_another_rubric_version_is_rejected()
    {
        var result = RubricScoring.Score(Sample, FullCard(3, 3));

        Assert.Throws<ArgumentException>(() => RubricScoring.Verdict(Sample with { Version = 2 }, result, TargetLevel.Mid));
    }
}
