using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Rubrics;

/// <summary>A rubric version with its parsed content, as pages show it.</summary>
public sealed record RubricEntry(Rubric Rubric, bool IsCustom, string ContentHash);

/// <summary>One rubric version and every version of the same rubric the viewer may open, oldest first.</summary>
public sealed record RubricDetail(RubricEntry Entry, IReadOnlyList<int> Versions)
{
    public int NewestVersion => Versions.Count == 0 ? Entry.Rubric.Version : Versions[^1];
}

/// <summary>
/// A version the viewer may see, before its JSON is parsed: a stored row (<see cref="RowId"/>) or a rubric of the
/// shipped library already in memory (<see cref="Loaded"/>).
/// </summary>
internal sealed record RubricHeader(string RubricId, int Version, Guid? OwnerId, string Title, string ContentHash, long? RowId, LoadedRubric? Loaded)
{
    public bool IsCustom => OwnerId is not null;
}
