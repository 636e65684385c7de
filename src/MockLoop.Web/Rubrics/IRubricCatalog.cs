using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Rubrics;

/// <summary>A rubric a user may pick for a new session: a shipped one, or one of their own uploads.</summary>
public sealed record RubricChoice(string Id, int Version, string Title, bool IsCustom);

/// <summary>
/// The rubrics and cases the app scores against. Everything scored stores the rubric id and version it used,
/// so lookups are by both.
/// </summary>
public interface IRubricCatalog
{
    /// <summary>The rubric with that exact id and version, if this user may use it (shipped, or their own).</summary>
    Task<Rubric?> FindAsync(string id, int version, Guid userId, CancellationToken ct = default);

    /// <summary>The newest version of each rubric this user may pick.</summary>
    Task<IReadOnlyList<RubricChoice>> ChoicesForAsync(Guid userId, CancellationToken ct = default);

    /// <summary>The cases written for a rubric id (any version).</summary>
    IReadOnlyList<InterviewCase> CasesFor(string rubricId);

    InterviewCase? FindCase(string caseId);

    ComponentVocabulary Components { get; }
}
