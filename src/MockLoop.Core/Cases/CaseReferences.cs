using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Cases;

/// <summary>
/// What a case may refer to: the rubrics (for its rubric id and hint keys) and the component vocabulary (for its
/// expected components).
/// </summary>
/// <param name="Rubrics">Valid rubrics by id.</param>
/// <param name="Vocabulary">Null when the vocabulary could not be loaded; component ids are then not checked (the vocabulary's own problems say why).</param>
public sealed record CaseReferences(IReadOnlyDictionary<string, Rubric> Rubrics, ComponentVocabulary? Vocabulary)
{
    /// <summary>
    /// Ids of rubrics that exist but failed validation. A case naming one is not blamed for it, and its hint keys
    /// cannot be checked until the rubric is fixed.
    /// </summary>
    public IReadOnlySet<string> BrokenRubricIds { get; init; } = new HashSet<string>();
}
