using MockLoop.Core.Progress;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Tests.Rubrics;

namespace MockLoop.Core.Tests.Progress;

public sealed class ProgressMathTests
{
    // The sample rubric: "clarify" (5 min, weight 1: scope, scale) and "design" (10 min, weight 2: architecture, trade-offs, scope).
    private static readonly Rubric Rubric = RubricParser.Parse(SampleRubric.File, SampleRubric.Json()).Value!;
    private static readonly DateTimeOffset Day0 = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static ScoredSession Session(int day, double? overall, double? clarify, double? design,
        (string Step, string Criterion, int Level)[]? levels = null, (double Used, double Budget)? clarifyTime = null) =>
        new(Guid.NewGuid(), Day0.AddDays(day), "sample", 1, null, TargetLevel.Senior, overall,
            new Dictionary<string, double?> { ["clarify"] = clarify, ["design"] = design },
            (levels ?? []).ToDictionary(l => new CriterionRef(l.Step, l.Criterion), l => l.Level),
            clarifyTime is { } t ? new Dictionary<string, StepTime> { ["clarify"] = new(t.Used, t.Budget) } : new Dictionary<string, StepTime>());

    [Fact]
    public void The_overall_trend_is_chronological_and_skips_sessions_with_nothing_assessed()
    {
        var trend = ProgressMath.OverallTrend([Session(3, 3.0, 3, 3), Session(1, 2.0, 2, 2), Session(2, null, null, null)]);
        Assert.Equal([2.0, 3.0], trend.Select(p => p.Score));
        Assert.True(trend[0].At < trend[1].At);
    }

    [Fact]
    public void The_step_matrix_has_a_row_per_step_and_a_column_per_session_oldest_first()
    {
        var matrix = ProgressMath.StepMatrix([Session(2, 3, 4, null), Session(1, 2, 1, 2)], Rubric);
        Assert.Equal(["clarify", "design"], matrix.Select(r => r.StepId));
        Assert.Equal([1.0, 4.0], matrix[0].Scores);
        Assert.Equal([2.0, null], matrix[1].Scores);
    }

    [Fact]
    public void Time_management_averages_used_time_against_the_budget()
    {
        var use = ProgressMath.TimeManagement(
            [Session(1, 2, 2, 2, clarifyTime: (240, 300)), Session(2, 2, 2, 2, clarifyTime: (420, 300)), Session(3, 2, 2, 2)], Rubric);
        var clarify = use.Single(u => u.StepId == "clarify");
        Assert.Equal(330, clarify.AverageUsedSeconds);
        Assert.Equal(1.1, clarify.Ratio, 6);
        Assert.Equal(2, clarify.Sessions);
        Assert.Equal(0, use.Single(u => u.StepId == "design").Sessions);
    }

    [Fact]
    public void Readiness_needs_the_overall_bar_and_every_assessed_step_at_its_bar()
    {
        // Senior: overall 3, each step 2.5.
        var ready = ProgressMath.ReadinessFor([Session(1, 3.2, 3, 3.3), Session(2, 3.0, 2.5, 3.25)], Rubric, TargetLevel.Senior);
        Assert.Equal(ReadinessStatus.Ready, ready.Status);
        Assert.Equal(2, ready.StepsMeetingBar);

        var weakStep = ProgressMath.ReadinessFor([Session(1, 3.2, 2, 3.8)], Rubric, TargetLevel.Senior);
        Assert.Equal(ReadinessStatus.Close, weakStep.Status);
        Assert.Equal(1, weakStep.StepsMeetingBar);

        var far = ProgressMath.ReadinessFor([Session(1, 2.0, 2, 2)], Rubric, TargetLevel.Staff);
        Assert.Equal(ReadinessStatus.NotYet, far.Status);
    }

    [Fact]
    public void Readiness_looks_only_at_the_most_recent_sessions()
    {
        var sessions = new[] { Session(1, 1.0, 1, 1), Session(2, 1.0, 1, 1), Session(3, 3.5, 3.5, 3.5), Session(4, 3.5, 3.5, 3.5), Session(5, 3.5, 3.5, 3.5) };
        var readiness = ProgressMath.ReadinessFor(sessions, Rubric, TargetLevel.Senior, window: 3);
        Assert.Equal(3.5, readiness.AverageOverall);
        Assert.Equal(3, readiness.SessionsConsidered);
    }

    [Fact]
    public void With_no_scored_session_readiness_says_so()
    {
        Assert.Equal(ReadinessStatus.NoData, ProgressMath.ReadinessFor([], Rubric, TargetLevel.Mid).Status);
        Assert.Equal(ReadinessStatus.NoData, ProgressMath.ReadinessFor([Session(1, null, null, null)], Rubric, TargetLevel.Mid).Status);
    }

    [Fact]
    public void The_weakest_steps_come_first()
    {
        var weakest = ProgressMath.WeakestSteps([Session(1, 2, 3.5, 1.5), Session(2, 2, 3.0, 2.5)], Rubric);
        Assert.Equal(["design", "clarify"], weakest.Select(w => w.StepId));
        Assert.Equal(2.0, weakest[0].AverageScore);
    }

    [Fact]
    public void A_weak_criterion_comes_with_the_descriptor_of_the_next_level_as_advice()
    {
        var weakest = ProgressMath.WeakestCriteria(
        [
            Session(1, 2, 2, 2, [("design", "architecture", 1), ("clarify", "scope", 3), ("clarify", "scale", 4)]),
            Session(2, 2, 2, 2, [("design", "architecture", 2), ("clarify", "scope", 3), ("clarify", "scale", 4)]),
        ], Rubric);

        Assert.Equal(["architecture", "scope"], weakest.Select(w => w.CriterionId));
        Assert.Equal(1.5, weakest[0].AverageLevel);
        Assert.Equal(2, weakest[0].NextLevel);
        Assert.Equal("Says something at level 2.", weakest[0].NextLevelDescriptor);
        Assert.Equal(4, weakest[1].NextLevel);
        Assert.DoesNotContain(weakest, w => w.CriterionId == "scale");
    }
}
