using MockLoop.Core.Cases;
using MockLoop.Core.Reports;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;
using MockLoop.Core.Tests.Rubrics;

namespace MockLoop.Core.Tests.Reports;

/// <summary>The stored report (ADR 165): computed with the room's scoring rules, and read back exactly as written.</summary>
public class ReportProjectorTests
{
    // The rubric of ScoringSemanticsTests: Staff forgives one miss among the core steps and asks for two steps at 3.5+.
    private static readonly Rubric Rubric = RubricParser.Parse("v2.json", ScoringSemanticsTests.Json()).Value!;

    private static readonly InterviewCase Case = new(
        "case", Rubric.Id, "A case", "Design it.", [], new Dictionary<string, StepHints>(),
        CoreComponents: ["feature-store", "model-server", "ranking-model"], OptionalComponents: ["cache", "monitoring"], Difficulty: null);

    private static ReportFacts Facts(params CriterionScored[] scores) => new(
        TargetLevel.Staff, new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero), new ReportFeedback("s", "i", "next"),
        scores, [new SelfAssessed("frame", "a", 2)], [],
        new Dictionary<string, double> { ["intro"] = 290.5, ["frame"] = 301 },
        new HashSet<string> { "model-server", "monitoring", "client" });

    [Fact]
    public void A_report_carries_the_verdicts_reasons_marks_self_levels_time_and_coverage()
    {
        var report = ReportProjector.Project(Rubric, Case, Facts(
            new CriterionScored("frame", "a", 4, "Quantified it", NeededHint: true, Signals: [0, 1]),
            new CriterionScored("frame", "b", 4, null, Signals: [0, 2]),
            new CriterionScored("model", "a", 2, null),
            new CriterionScored("model", "b", 3, null)));

        var frame = report.Step("frame")!;
        Assert.Equal(3.5, frame.Score); // the hint caps the first 4 at 3
        Assert.Equal(301, frame.UsedSeconds);
        Assert.Equal(new ReportCriterionResult("a", 4, "Quantified it", true, frame.Criteria[0].Signals, 2), frame.Criteria[0]);
        Assert.Equal([0, 1], frame.Criteria[0].Signals);
        Assert.Equal(0, report.Step("wrap")!.UsedSeconds);
        Assert.Null(report.Step("wrap")!.Score);

        // Ran out of time after the second step: the verdict is given, the steps never assessed are named.
        Assert.True(report.Verdict.RanOutOfTime);
        Assert.Equal(["intro", "wrap"], report.Verdict.UnassessedSteps);
        Assert.Equal(VerdictOutcome.Below, report.Verdict.Outcome);
        Assert.Equal(1, report.Verdict.ForgivenMisses);
        Assert.Equal(new DepthShortfall(2, 1, 3.5), report.Verdict.Depth);

        Assert.Equal(["model-server"], report.Coverage!.Present);
        Assert.Equal(["feature-store", "ranking-model"], report.Coverage.Missing);
        Assert.Equal(["monitoring"], report.Coverage.OptionalPresent);
    }

    [Fact]
    public void A_stored_report_reads_back_as_it_was_written()
    {
        var written = ReportProjector.Project(Rubric, null, Facts(
            new CriterionScored("frame", "a", 3, "n"), new CriterionScored("model", "a", 1, null)) with
        {
            RedFlags = [new RedFlagRef("model", "model-flag")],
        });

        var json = ReportProjectionJson.Serialize(written);
        var read = ReportProjectionJson.Deserialize(json);

        Assert.Equal(json, ReportProjectionJson.Serialize(read));
        Assert.Null(read.Coverage);
        Assert.Equal(TargetLevel.Staff, read.TargetLevel);
        Assert.Equal("A serious mistake in model.", Assert.Single(read.Verdict.RedFlags).Flag.Description);
        Assert.Equal(written.Verdict.Bar, read.Verdict.Bar);
        Assert.Contains("\"outcome\":\"Below\"", json);
    }
}
