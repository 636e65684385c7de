using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Rubrics;

/// <summary>
/// What the upload endpoint hands to the upload page when it renders it again (per request): the input to put back
/// in the form and what was wrong with it.
/// </summary>
public sealed class RubricUploadForm
{
    public bool Submitted { get; set; }
    public string PastedJson { get; set; } = "";
    public string? FileName { get; set; }

    /// <summary>A problem with the request as a whole: too large, expired, empty.</summary>
    public string? Message { get; set; }

    /// <summary>Every problem found in the rubric, each with its JSON path.</summary>
    public IReadOnlyList<RubricProblem> Problems { get; set; } = [];
}
