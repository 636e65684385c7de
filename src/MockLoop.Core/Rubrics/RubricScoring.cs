using System.Globalization;

namespace MockLoop.Core.Rubrics;

/// <summary>
/// Pure scoring: a scorecard against a rubric gives step and overall scores, and those against a level bar give a
/// verdict. The rules are described in rubrics/README.md.
/// </summary>
public static class RubricScoring
{
    /// <summary>
    /// Means of small integers are not always exact in binary (a weighted mean meant to be 3.0 can come out as
    /// 2.9999999999999996), so a score within this distance of a bar counts as reaching it.
    /// </summary>
    public const double BarTolerance = 1e-9;

    /// <summary>Every reason the scorecard cannot be scored against the rubric; empty when it can.</summary>
    public static IReadOnlyList<string> Validate(Rubric rubric, Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scorecard);

        var errors = new List<string>();
        foreach (var (reference, score) in scorecard.Scores.OrderBy(s => s.Key.StepId, StringComparer.Ordinal).ThenBy(s => s.Key.CriterionId, StringComparer.Ordinal))
        {
            var step = rubric.FindStep(reference.StepId);
            if (step is null)
            {
                errors.Add($"Step '{reference.StepId}' is not in rubric '{rubric.Id}'.");
            }
            else if (step.FindCriterion(reference.CriterionId) is null)
            {
                errors.Add($"Criterion '{reference.CriterionId}' is not in step '{reference.StepId}' of rubric '{rubric.Id}'.");
            }

            if (score.Value is { } level && (level < CriterionLevel.Lowest || level > CriterionLevel.Highest))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The score {level} for {reference} is outside the scale: use 1 to 4, or leave it not assessed."));
            }
        }

        return errors;
    }

    /// <summary>
    /// A step's score is the mean of its assessed criteria; the overall score is the mean of the assessed steps'
    /// scores weighted by step weight. Not-assessed criteria and steps are left out rather than counted as zero.
    /// </summary>
    /// <exception cref="ArgumentException">The scorecard names unknown steps or criteria, or holds a score outside 1–4.</exception>
    public static ScoreResult Score(Rubric rubric, Scorecard scorecard)
    {
        var errors = Validate(rubric, scorecard);
        if (errors.Count > 0)
        {
            throw new ArgumentException("The scorecard does not fit the rubric: " + string.Join(" ", errors), nameof(scorecard));
        }

        var steps = rubric.Steps.Select(step =>
        {
            var levels = step.Criteria
                .Select(c => scorecard[step.Id, c.Id].Value)
                .OfType<int>()
                .ToList();
            double? mean = levels.Count == 0 ? null : levels.Average();
            return new StepScore(step.Id, mean, levels.Count, step.Criteria.Count, step.Weight);
        }).ToList();

        var assessed = steps.Where(s => s.Score.HasValue).ToList();
        double? overall = assessed.Count == 0
            ? null
            : assessed.Sum(s => s.Weight * s.Score!.Value) / assessed.Sum(s => s.Weight);

        return new ScoreResult(rubric.Id, rubric.Version, steps, overall);
    }

    /// <summary>
    /// Judges a score against the bar for a level. A step below the per-step minimum settles it as
    /// <see cref="VerdictOutcome.Below"/> whatever else is missing; otherwise every step must have been assessed
    /// (else <see cref="VerdictOutcome.InsufficientData"/>) and the overall score must reach the bar.
    /// </summary>
    /// <exception cref="ArgumentException">The result was computed for another rubric or version.</exception>
    public static LevelVerdict Verdict(Rubric rubric, ScoreResult result, TargetLevel level)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(result);
        if (result.RubricId != rubric.Id || result.RubricVersion != rubric.Version
            || !result.Steps.Select(s => s.StepId).SequenceEqual(rubric.Steps.Select(s => s.Id)))
        {
            throw new ArgumentException(
                $"The score is for rubric '{result.RubricId}' version {result.RubricVersion}, not '{rubric.Id}' version {rubric.Version}.",
                nameof(result));
        }

        var bar = rubric.BarFor(level);
        var shortfalls = result.Steps
            .Where(s => s.Score is { } score && score < bar.MinStep - BarTolerance)
            .Select(s => new StepShortfall(s.StepId, s.Score!.Value, bar.MinStep))
            .ToList();
        var unassessed = result.Steps.Where(s => !s.IsAssessed).Select(s => s.StepId).ToList();
        var overallBelow = unassessed.Count == 0 && result.Overall < bar.MinOverall - BarTolerance;

        var outcome = shortfalls.Count > 0 ? VerdictOutcome.Below
            : unassessed.Count > 0 ? VerdictOutcome.InsufficientData
            : overallBelow ? VerdictOutcome.Below
            : VerdictOutcome.Meets;

        return new LevelVerdict(level, outcome, bar, result.Overall, overallBelow, shortfalls, unassessed);
    }
}
