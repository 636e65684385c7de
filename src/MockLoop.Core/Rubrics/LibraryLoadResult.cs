using MockLoop.Core.Cases;

namespace MockLoop.Core.Rubrics;

/// <summary>A rubric as loaded from a file, with the text it came from and that text's content hash.</summary>
/// <param name="File">Path relative to the library directory, with forward slashes.</param>
/// <param name="Json">The file's text, unchanged.</param>
/// <param name="ContentHash">See <see cref="Rubrics.ContentHash.OfJson"/>.</param>
public sealed record LoadedRubric(string File, Rubric Rubric, string Json, string ContentHash);

/// <summary>
/// Everything that loaded from a rubric library directory and every problem found in it. Files with problems are
/// left out of <see cref="Rubrics"/> and <see cref="Cases"/>; callers that need all or nothing check
/// <see cref="IsValid"/>.
/// </summary>
public sealed record LibraryLoadResult(
    IReadOnlyList<LoadedRubric> Rubrics,
    ComponentVocabulary? Components,
    IReadOnlyList<InterviewCase> Cases,
    IReadOnlyList<RubricProblem> Problems)
{
    /// <summary>
    /// Earlier versions of the shipped rubrics (<c>versions/&lt;id&gt;.v&lt;N&gt;.json</c>). They are stored so that
    /// scorecards made with them keep rendering on any install, but new sessions and cases use <see cref="Rubrics"/>.
    /// </summary>
    public IReadOnlyList<LoadedRubric> EarlierVersions { get; init; } = [];

    /// <summary>Current rubrics first, then earlier versions: everything that must be stored.</summary>
    public IEnumerable<LoadedRubric> AllVersions => Rubrics.Concat(EarlierVersions);

    public bool IsValid => Problems.Count == 0;

    public LoadedRubric? FindRubric(string id) => Rubrics.FirstOrDefault(r => r.Rubric.Id == id);

    public IReadOnlyList<InterviewCase> CasesFor(string rubricId) => Cases.Where(c => c.RubricId == rubricId).ToList();
}
