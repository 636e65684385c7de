namespace MockLoop.Core.Rubrics;

/// <summary>
/// One thing wrong with a rubric, component or case file.
/// </summary>
/// <param name="File">The file the problem is in, as the caller named it (the library uses paths relative to its directory).</param>
/// <param name="Path">A JSON path to the offending value, such as <c>$.steps[2].criteria[0].levels</c>; <c>$</c> for the whole file.</param>
/// <param name="Reason">A sentence a rubric author can act on.</param>
public sealed record RubricProblem(string File, string Path, string Reason)
{
    public override string ToString() => $"{File}: {Path}: {Reason}";
}
