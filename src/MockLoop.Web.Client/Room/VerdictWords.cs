using MockLoop.Core.Contracts;
using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Client.Room;

/// <summary>How the result banner says the verdict the server computed.</summary>
public static class VerdictWords
{
    public static string Outcome(string outcome) => outcome switch
    {
        "Meets" => "meets the bar",
        "Below" => "below the bar",
        _ => "not enough assessed",
    };

    /// <summary>The red flags and the steps not assessed, in one sentence each; null when there is neither.</summary>
    public static string? Details(VerdictView verdict, IReadOnlyList<RubricStep> steps)
    {
        string Title(string id) => steps.FirstOrDefault(s => s.Id == id)?.Title ?? id;
        var parts = new List<string>();
        if (verdict.RedFlags is { Count: > 0 } flags)
        {
            parts.Add("Red flags: " + string.Join(" ", flags.Select(f => f.Description)));
        }
        if (verdict.UnassessedSteps is { Count: > 0 } unassessed)
        {
            parts.Add($"{(verdict.RanOutOfTime ? "Ran out of time; not assessed" : "Not assessed")}: {string.Join(", ", unassessed.Select(Title))}.");
        }
        return parts.Count > 0 ? string.Join(" ", parts) : null;
    }
}
