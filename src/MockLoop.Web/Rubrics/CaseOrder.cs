using MockLoop.Core.Cases;

namespace MockLoop.Web.Rubrics;

internal static class CaseOrder
{
    /// <summary>Easiest first, then by title; unrated cases last.</summary>
    public static IEnumerable<InterviewCase> Sorted(IEnumerable<InterviewCase> cases) =>
        cases.OrderBy(c => c.Difficulty is { } d ? (int)d : int.MaxValue)
            .ThenBy(c => c.Title, StringComparer.CurrentCultureIgnoreCase);
}
