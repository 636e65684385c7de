using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Progress;

/// <summary>
/// The numbers behind the candidate's progress dashboard. Pure functions over submitted scorecards of one rubric
/// id (versions may differ: steps and criteria are matched by id, so a step dropped from a newer version simply has
/// no value there).
/// </summary>
public static class ProgressMath
{
    public static IReadOnlyList<TrendPoint> OverallTrend(IEnumerable<ScoredSession> sessions) =>
        Chronological(sessions)
            .Where(s => s.Overall.HasValue)
            .Select(s => new TrendPoint(s.SessionId, s.At, s.Overall!.Value))
            .ToList();

    public static IReadOnlyList<StepRow> StepMatrix(IEnumerable<ScoredSession> sessions, Rubric rubric)
    {
        var ordered = Chronological(sessions);
        return rubric.Steps
            .Select(step => new StepRow(step.Id, step.Title,
                ordered.Select(s => s.StepScores.TryGetValue(step.Id, out var v) ? v : null).ToList()))
            .ToList();
    }

    public static IReadOnlyList<StepTimeUse> TimeManagement(IEnumerable<ScoredSession> sessions, Rubric rubric)
    {
        var list = sessions.ToList();
        var result = new List<StepTimeUse>();
        // Whole-interview dimensions have no budget and no timer, so no time to manage.
        foreach (var step in rubric.TimedSteps)
        {
            var times = list.Select(s => s.StepTimes.GetValueOrDefault(step.Id)).OfType<StepTime>().Where(t => t.UsedSeconds > 0).ToList();
            var budget = step.BudgetMinutes * 60.0;
            if (times.Count == 0)
            {
                result.Add(new StepTimeUse(step.Id, step.Title, 0, budget, 0, 0));
                continue;
            }
            var used = times.Average(t => t.UsedSeconds);
            result.Add(new StepTimeUse(step.Id, step.Title, used, budget, budget > 0 ? used / budget : 0, times.Count));
        }
        return result;
    }

    /// <param name="window">How many of the most recent sessions count (readiness is about now, not the average of all time).</param>
    public static Readiness ReadinessFor(IEnumerable<ScoredSession> sessions, Rubric rubric, TargetLevel level, int window = 3)
    {
        var bar = rubric.BarFor(level);
        var recent = Chronological(sessions).TakeLast(window).ToList();
        var overalls = recent.Where(s => s.Overall.HasValue).Select(s => s.Overall!.Value).ToList();
        if (overalls.Count == 0)
        {
            return new Readiness(level, ReadinessStatus.NoData, null, bar.MinOverall, bar.MinStep, 0, 0, recent.Count);
        }

        var average = overalls.Average();
        var stepAverages = rubric.Steps
            .Select(step => recent.Select(s => s.StepScores.GetValueOrDefault(step.Id)).OfType<double>().ToList())
            .Where(scores => scores.Count > 0)
            .Select(scores => scores.Average())
            .ToList();
        var meeting = stepAverages.Count(a => a + RubricScoring.BarTolerance >= bar.MinStep);

        var status = average + RubricScoring.BarTolerance >= bar.MinOverall && meeting == stepAverages.Count
            ? ReadinessStatus.Ready
            : average + 0.25 >= bar.MinOverall ? ReadinessStatus.Close : ReadinessStatus.NotYet;
        return new Readiness(level, status, average, bar.MinOverall, bar.MinStep, meeting, stepAverages.Count, recent.Count);
    }

    public static IReadOnlyList<WeakStep> WeakestSteps(IEnumerable<ScoredSession> sessions, Rubric rubric, int window = 5, int take = 3)
    {
        var recent = Chronological(sessions).TakeLast(window).ToList();
        return rubric.Steps
            .Select(step => (step, scores: recent.Select(s => s.StepScores.GetValueOrDefault(step.Id)).OfType<double>().ToList()))
            .Where(x => x.scores.Count > 0)
            .Select(x => new WeakStep(x.step.Id, x.step.Title, x.scores.Average()))
            .OrderBy(w => w.AverageScore)
            .ThenBy(w => rubric.Steps.ToList().FindIndex(s => s.Id == w.StepId))
            .Take(take)
            .ToList();
    }

    /// <summary>The lowest-scoring criteria recently, each with the descriptor of the level just above its average.</summary>
    public static IReadOnlyList<WeakCriterion> WeakestCriteria(IEnumerable<ScoredSession> sessions, Rubric rubric, int window = 5, int take = 3)
    {
        var recent = Chronological(sessions).TakeLast(window).ToList();
        var result = new List<WeakCriterion>();
        foreach (var step in rubric.Steps)
        {
            foreach (var criterion in step.Criteria)
            {
                var key = new CriterionRef(step.Id, criterion.Id);
                var levels = recent.Where(s => s.CriterionLevels.ContainsKey(key)).Select(s => s.CriterionLevels[key]).ToList();
                if (levels.Count == 0)
                {
                    continue;
                }
                var average = levels.Average();
                if (average >= 4)
                {
                    continue;
                }
                var next = Math.Clamp((int)Math.Floor(average) + 1, 2, 4);
                result.Add(new WeakCriterion(step.Id, step.Title, criterion.Id, criterion.Title, average, next,
                    criterion.Level(next).Descriptor));
            }
        }
        return result.OrderBy(w => w.AverageLevel).Take(take).ToList();
    }

    private static List<ScoredSession> Chronological(IEnumerable<ScoredSession> sessions) =>
        sessions.OrderBy(s => s.At).ThenBy(s => s.SessionId).ToList();
}
