using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Rubrics;

/// <summary>A stored rubric version with its parsed content, as pages show it.</summary>
public sealed record RubricEntry(
    long RowId,
    Rubric Rubric,
    bool IsCustom,
    string ContentHash,
    DateTimeOffset CreatedAt);

/// <summary>One rubric version and every version of the same rubric the viewer may open, oldest first.</summary>
public sealed record RubricDetail(RubricEntry Entry, IReadOnlyList<int> Versions)
{
    public int NewestVersion => Versions.Count == 0 ? Entry.Rubric.Version : Versions[^1];
}

/// <summary>The columns needed to decide visibility, without the JSON.</summary>
internal sealed record RubricHeader(long RowId, string RubricId, int Version, Guid? OwnerId, string Title, string ContentHash, DateTimeOffset CreatedAt)
{
    public bool IsCustom => OwnerId is not null;
}
