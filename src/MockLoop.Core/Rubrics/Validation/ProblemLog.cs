namespace MockLoop.Core.Rubrics.Validation;

/// <summary>Collects the problems of one file while its JSON is walked, so all of them are reported at once.</summary>
internal sealed class ProblemLog(string file)
{
    private readonly List<RubricProblem> _problems = [];

    public string File => file;

    public int Count => _problems.Count;

    public IReadOnlyList<RubricProblem> Problems => _problems;

    public void Add(string path, string reason) => _problems.Add(new RubricProblem(file, path, reason));
}
