using System.Globalization;

namespace MockLoop.Core.Rubrics;

/// <summary>
/// What an interviewer may record for one criterion beyond its level: which of the criterion's strong signals the
/// candidate showed, and whether they needed a hint. The rules are the rubric's (rubrics/README.md, "Scoring").
/// </summary>
public static class CriterionMarkRules
{
    /// <summary>
    /// Null when the marks may be recorded, else why not. Level 4 is level 3 plus any two of the criterion's strong
    /// signals, so a 4 on a criterion that lists signals needs two of them ticked; a hint caps the level that
    /// counts at 3 but does not stop the interviewer recording what they saw.
    /// </summary>
    public static string? Check(Criterion criterion, int? level, IReadOnlyCollection<int> signals)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        ArgumentNullException.ThrowIfNull(signals);

        if (signals.Any(i => i < 0 || i >= criterion.StrongSignals.Count))
        {
            return criterion.StrongSignals.Count == 0
                ? $"'{criterion.Title}' lists no strong signals to tick."
                : string.Create(CultureInfo.InvariantCulture,
                    $"'{criterion.Title}' has {criterion.StrongSignals.Count} strong signals, numbered 0 to {criterion.StrongSignals.Count - 1}.");
        }

        if (signals.Distinct().Count() != signals.Count)
        {
            return "Each strong signal can be ticked once.";
        }

        if (level == CriterionLevel.Highest && criterion.StrongSignals.Count > 0 && signals.Count < Criterion.StrongSignalsNeeded)
        {
            return $"Level 4 on '{criterion.Title}' is level 3 plus any {Criterion.StrongSignalsNeeded} of its strong signals: tick the ones the candidate showed.";
        }

        return null;
    }
}
