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
            var scores = step.Criteria.Select(c => scorecard[step.Id, c.Id]).Where(s => s.IsAssessed).ToList();
            double? mean = scores.Count == 0 ? null : scores.Average(s => s.Counted!.Value);
            return new StepScore(step.Id, mean, scores.Count, step.Criteria.Count, step.Weight)
            {
                HintCapped = scores.Count(s => s.Counted != s.Value),
            };
        }).ToList();

        var assessed = steps.Where(s => s.Score.HasValue).ToList();
        double? overall = assessed.Count == 0
            ? null
            : assessed.Sum(s => s.Weight * s.Score!.Value) / assessed.Sum(s => s.Weight);

        return new ScoreResult(rubric.Id, rubric.Version, steps, overall);
    }

    /// <summary>
    /// Judges a score against the bar for a level, in this order (rubrics/README.md, "Verdict"):
    /// <list type="number">
    /// <item>any recorded red flag that caps the verdict and applies to this level and kind of system → below,
    /// whatever the average (a flag that lowers its step takes a point off that step first; a note changes nothing);</item>
    /// <item>more bar steps (the core steps, or all when none is core) below the per-step minimum than the bar
    /// forgives → below, whatever else is missing;</item>
    /// <item>a bar step with nothing assessed → insufficient data, unless the session ran out of time on a rubric
    /// with core steps: then the verdict is given on what was assessed and the unassessed steps are named;</item>
    /// <item>overall below the bar → below; too few steps at the bar's depth score → below; else meets.</item>
    /// </list>
    /// Steps outside the bar steps that were not assessed never block a verdict; they are named.
    /// </summary>
    /// <exception cref="ArgumentException">The result was computed for another rubric or version, or a red flag is not in the rubric.</exception>
    public static LevelVerdict Verdict(Rubric rubric, ScoreResult result, TargetLevel level, VerdictInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(result);
        inputs ??= VerdictInputs.None;
        if (result.RubricId != rubric.Id || result.RubricVersion != rubric.Version
            || !result.Steps.Select(s => s.StepId).SequenceEqual(rubric.Steps.Select(s => s.Id)))
        {
            throw new ArgumentException(
                $"The score is for rubric '{result.RubricId}' version {result.RubricVersion}, not '{rubric.Id}' version {rubric.Version}.",
                nameof(result));
        }

        var flags = inputs.RedFlags.Distinct().Select(f => rubric.FindRedFlag(f.StepId, f.FlagId) is { } flag
                ? new RaisedRedFlag(f.StepId, flag)
                : throw new ArgumentException($"Rubric '{rubric.Id}' has no red flag '{f.FlagId}' in step '{f.StepId}'.", nameof(inputs)))
            .Where(f => f.Flag.AppliesTo(level, inputs.SystemKind))
            .OrderBy(f => rubric.Steps.ToList().FindIndex(s => s.Id == f.StepId))
            .ToList();
        var capping = flags.Where(f => f.Flag.Severity == RedFlagSeverity.CapsVerdict).ToList();
        var lowering = flags.Where(f => f.Flag.Severity == RedFlagSeverity.LowersStep).ToList();
        (var stepScores, var overall) = LowerFlaggedSteps(result, lowering.Select(f => f.StepId).ToHashSet(StringComparer.Ordinal));

        var bar = rubric.BarFor(level);
        var barStepIds = rubric.BarSteps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var shortfalls = stepScores
            .Where(s => barStepIds.Contains(s.StepId) && s.Score is { } score && score < bar.MinStep - BarTolerance)
            .Select(s => new StepShortfall(s.StepId, s.Score!.Value, bar.MinStep))
            .ToList();
        var unassessed = stepScores.Where(s => !s.IsAssessed).Select(s => s.StepId).ToList();
        var timedOut = inputs.RanOutOfTime && rubric.UsesCoreSteps;
        var blocking = timedOut ? [] : unassessed.Where(barStepIds.Contains).ToList();
        var overallBelow = blocking.Count == 0 && overall < bar.MinOverall - BarTolerance;
        var deep = bar.Depth is { } depth ? stepScores.Count(s => s.Score >= depth.MinScore - BarTolerance) : 0;
        var depthShortfall = bar.Depth is { } d && deep < d.Steps ? new DepthShortfall(d.Steps, deep, d.MinScore) : null;

        var outcome = capping.Count > 0 ? VerdictOutcome.Below
            : shortfalls.Count > bar.StepMissesAllowed ? VerdictOutcome.Below
            : blocking.Count > 0 || overall is null ? VerdictOutcome.InsufficientData
            : overallBelow || depthShortfall is not null ? VerdictOutcome.Below
            : VerdictOutcome.Meets;

        return new LevelVerdict(level, outcome, bar, overall, overallBelow, shortfalls, unassessed)
        {
            RedFlags = capping,
            LoweringFlags = lowering,
            NotedFlags = flags.Where(f => f.Flag.Severity == RedFlagSeverity.Note).ToList(),
            RanOutOfTime = timedOut,
            Depth = blocking.Count == 0 ? depthShortfall : null,
            ForgivenMisses = Math.Min(shortfalls.Count, bar.StepMissesAllowed),
        };
    }

    /// <summary>
    /// A step flagged with a "lowers its step" red flag counts one point lower (never below 1), once however many such
    /// flags it has; the overall score is weighted again from the lowered steps.
    /// </summary>
    private static (IReadOnlyList<StepScore> Steps, double? Overall) LowerFlaggedSteps(ScoreResult result, IReadOnlySet<string> flaggedStepIds)
    {
        if (flaggedStepIds.Count == 0)
        {
            return (result.Steps, result.Overall);
        }

        var steps = result.Steps
            .Select(s => flaggedStepIds.Contains(s.StepId) && s.Score is { } score
                ? s with { Score = Math.Max(CriterionLevel.Lowest, score - StepFlagPenalty) }
                : s)
            .ToList();
        var assessed = steps.Where(s => s.Score.HasValue).ToList();
        return (steps, assessed.Count == 0 ? null : assessed.Sum(s => s.Weight * s.Score!.Value) / assessed.Sum(s => s.Weight));
    }

    /// <summary>How far a "lowers its step" red flag lowers the flagged step's score.</summary>
    public const double StepFlagPenalty = 1;

    /// <summary>
    /// True when the interview ended before the timer reached the last step: some step was started and a step
    /// after the last started one never was. A session whose timer was never used did not run out of time.
    /// </summary>
    public static bool RanOutOfTime(Rubric rubric, IReadOnlySet<string> startedStepIds)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(startedStepIds);
        var timed = rubric.TimedSteps;
        var lastStarted = timed.ToList().FindLastIndex(s => startedStepIds.Contains(s.Id));
        return lastStarted >= 0 && lastStarted < timed.Count - 1;
    }
}

/// <summary>What the verdict needs beyond the scores: recorded red flags, and whether the session ran out of time.</summary>
public sealed record VerdictInputs(IReadOnlyCollection<RedFlagRef> RedFlags, bool RanOutOfTime)
{
    /// <summary>The case's kind of system (<see cref="SystemKinds"/>); flags for other kinds are left out. Null: every flag counts.</summary>
    public string? SystemKind { get; init; }

    public static VerdictInputs None { get; } = new([], false);
}
