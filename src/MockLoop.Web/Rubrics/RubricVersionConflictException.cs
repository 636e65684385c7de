namespace MockLoop.Web.Rubrics;

/// <summary>
/// A shipped rubric file changed while keeping a version the database already holds with other content. Start-up
/// stops: sessions scored against that version must go on finding exactly the text they were scored with.
/// </summary>
public sealed class RubricVersionConflictException(IReadOnlyList<string> conflicts)
    : InvalidOperationException(
        "The rubric library cannot be loaded: a rubric changed without a new version." + Environment.NewLine
        + string.Join(Environment.NewLine, conflicts.Select(c => "  " + c)))
{
    public IReadOnlyList<string> Conflicts { get; } = conflicts;
}
