using MockLoop.Core.Contracts;
using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Client.Room;

/// <summary>
/// One criterion's score as the scoring panel shows it: the level (or none stored), the hint mark and the ticked
/// strong signals. The panel shows a click at once as a local copy and follows the server's copy whenever that changes.
/// </summary>
public sealed record CriterionMarks(bool Assessed, int? Level, bool NeededHint, IReadOnlyList<int> Signals)
{
    public static readonly CriterionMarks None = new(false, null, false, []);

    public static CriterionMarks From(CriterionScoreView? score) =>
        score is null ? None : new(true, score.Level, score.NeededHint, [.. (score.Signals ?? []).Order()]);

    /// <summary>Why level 4 cannot be picked with these signals (Core's rule, the server's own), or null.</summary>
    public string? WhyNotFour(Criterion criterion) => CriterionMarkRules.Check(criterion, CriterionLevel.Highest, Signals);

    /// <summary>
    /// A ticked signal that level 4 rests on cannot be unticked while the level is 4 (the server would refuse the
    /// change): lower the level first.
    /// </summary>
    public bool SignalKept(int index) =>
        Signals.Contains(index) && Level == CriterionLevel.Highest && Signals.Count <= Criterion.StrongSignalsNeeded;

    public CriterionMarks WithSignal(int index, bool ticked) =>
        this with { Signals = ticked ? [.. Signals.Append(index).Distinct().Order()] : [.. Signals.Where(s => s != index)] };

    public bool Same(CriterionMarks other) =>
        Assessed == other.Assessed && Level == other.Level && NeededHint == other.NeededHint && Signals.SequenceEqual(other.Signals);
}
