using System.Globalization;

namespace MockLoop.Core.Rubrics.Validation;

/// <summary>Collects the problems of one file while its JSON is walked, so all of them are reported at once.</summary>
internal sealed class ProblemLog(string file)
{
    /// <summary>
    /// Enough for any honest mistake; beyond it a hostile upload (a million-item array of bad levels) would only
    /// produce a report nobody reads, so further problems are counted instead of kept.
    /// </summary>
    public const int MaxKept = 200;

    private readonly List<RubricProblem> _problems = [];
    private int _dropped;

    public string File => file;

    public int Count => _problems.Count + _dropped;

    public IReadOnlyList<RubricProblem> Problems => _dropped == 0
        ? _problems
        : [.. _problems, new RubricProblem(file, JsonPath.Root, string.Create(CultureInfo.InvariantCulture,
            $"{_dropped:N0} more problems were found but are not listed; fix the ones above first."))];

    public void Add(string path, string reason)
    {
        if (_problems.Count < MaxKept)
        {
            _problems.Add(new RubricProblem(file, path, reason));
        }
        else
        {
            _dropped++;
        }
    }
}
