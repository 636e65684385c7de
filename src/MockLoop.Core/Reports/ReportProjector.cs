using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;

namespace MockLoop.Core.Reports;

/// <summary>Computes a report from its facts, with the same scoring and verdict rules the live session shows.</summary>
public static class ReportProjector
{
    /// <exception cref="ArgumentException">The facts name steps, criteria or red flags the rubric does not have.</exception>
    public static ReportProjection Project(Rubric rubric, InterviewCase? interviewCase, ReportFacts facts)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(facts);

        var scores = facts.Scores.ToDictionary(s => new CriterionRef(s.StepId, s.CriterionId));
        var self = facts.SelfScores.ToDictionary(s => new CriterionRef(s.StepId, s.CriterionId), s => s.Level);
        var result = RubricScoring.Score(rubric, new Scorecard(scores.ToDictionary(s => s.Key, s => ScoringViews.ToScore(s.Value))));
        var ranOutOfTime = RubricScoring.RanOutOfTime(rubric, facts.StepTimings.Keys.ToHashSet(StringComparer.Ordinal));
        var verdict = RubricScoring.Verdict(rubric, result, facts.TargetLevel, new VerdictInputs(facts.RedFlags, ranOutOfTime) { SystemKind = interviewCase?.SystemKind });

        var steps = rubric.Steps.Select(step => new ReportStepResult(
            step.Id,
            result.Step(step.Id)?.Score,
            facts.StepTimings.GetValueOrDefault(step.Id),
            step.Criteria.Select(criterion =>
            {
                var key = new CriterionRef(step.Id, criterion.Id);
                var score = scores.GetValueOrDefault(key);
                return new ReportCriterionResult(
                    criterion.Id, score?.Level, score?.Note, score?.NeededHint ?? false, score?.Signals ?? [], self.GetValueOrDefault(key));
            }).ToList())).ToList();

        return new ReportProjection(
            ReportProjection.CurrentVersion, rubric.Id, rubric.Version, interviewCase?.Id, facts.TargetLevel, facts.SubmittedAt,
            facts.Feedback, result.Overall, steps, verdict, Coverage(interviewCase, facts.FinalDiagramComponents));
    }

    /// <summary>
    /// Coverage counts the case's core components only: drawing a client or a gateway shows nothing about the ML
    /// design. Optional components drawn are named, not counted.
    /// </summary>
    private static ReportCoverage? Coverage(InterviewCase? interviewCase, IReadOnlySet<string> drawn) =>
        interviewCase is null
            ? null
            : new ReportCoverage(
                interviewCase.CoreComponents.Where(drawn.Contains).ToList(),
                interviewCase.CoreComponents.Where(id => !drawn.Contains(id)).ToList(),
                interviewCase.OptionalComponents.Where(drawn.Contains).ToList());
}
