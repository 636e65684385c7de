using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Rubrics;

/// <summary>The shipped rubrics only, straight from the validated library (no custom uploads).</summary>
internal sealed class FileRubricCatalog(ShippedRubricLibrary shipped) : IRubricCatalog
{
    private LibraryLoadResult Library => shipped.Library;

    public Task<Rubric?> FindAsync(string id, int version, Guid userId, CancellationToken ct = default) =>
        Task.FromResult(Library.Rubrics.Select(r => r.Rubric).FirstOrDefault(r => r.Id == id && r.Version == version));

    public Task<IReadOnlyList<RubricChoice>> ChoicesForAsync(Guid userId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<RubricChoice>>(Library.Rubrics
            .Select(r => new RubricChoice(r.Rubric.Id, r.Rubric.Version, r.Rubric.Title, IsCustom: false))
            .OrderBy(r => r.Title)
            .ToList());

    public IReadOnlyList<InterviewCase> CasesFor(string rubricId) => Library.CasesFor(rubricId);

    public InterviewCase? FindCase(string caseId) => Library.Cases.FirstOrDefault(c => c.Id == caseId);

    public ComponentVocabulary Components => Library.Components!;
}
