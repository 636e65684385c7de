namespace MockLoop.Core.Diagrams;

/// <summary>
/// Whether a diagram has room for more elements, in the words the canvas shows: the server refuses an add past
/// <see cref="DiagramLimits"/>, so the canvas says why before anyone tries (the React canvas's palette message).
/// </summary>
public static class DiagramCapacity
{
    /// <summary>Why <paramref name="adding"/> more elements cannot be added, or null when they can.</summary>
    public static string? Problem(DiagramDocument document, DiagramLimits? limits = null, int adding = 1)
    {
        ArgumentNullException.ThrowIfNull(document);
        var l = limits ?? DiagramLimits.Default;
        if (document.ElementCount + adding > l.MaxElements)
        {
            return $"The diagram has reached its limit of {l.MaxElements} elements. Delete something to add more.";
        }

        return document.ElementCount + document.DeletedCount + adding > l.MaxCreatedElements
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"This diagram has had {l.MaxCreatedElements:N0} elements created, the most one diagram may have.")
            : null;
    }
}
