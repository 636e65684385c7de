namespace MockLoop.Web.Rubrics;

/// <summary>
/// One version of a rubric as stored: shipped (no owner) or uploaded by a user. Rows are never updated or deleted,
/// because everything scored records the rubric id and version it used and must be able to load it again.
/// </summary>
public sealed class StoredRubric
{
    public const int RubricIdMaxLength = 64;
    public const int TitleMaxLength = 120;
    public const int ContentHashLength = 64;

    /// <summary>Surrogate key: the same id and version may exist once as shipped and once per user.</summary>
    public long Id { get; set; }

    public string RubricId { get; set; } = "";
    public int Version { get; set; }

    /// <summary>The user who uploaded it; null for a rubric shipped in <c>rubrics/</c>.</summary>
    public Guid? OwnerId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The text exactly as the author wrote it (text, not jsonb, so it can be handed back unchanged).</summary>
    public string Json { get; set; } = "";

    /// <summary><see cref="MockLoop.Core.Rubrics.ContentHash.OfJson"/> of <see cref="Json"/>.</summary>
    public string ContentHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsShipped => OwnerId is null;
}
