namespace MockLoop.Web.Client.Room;

/// <summary>
/// What a step tab says (seven tabs beside the timer get about 80 px each at 1280 px, 145 px at 1920 px): the title's
/// first word, which is enough to tell the framework's steps apart ("Clarify", "Frame", "Data", "Model", "Evaluation",
/// "Deployment", "Monitoring"). Rubrics are uploaded, so this is derived, not stored; the full title stays the tab's
/// accessible name and tooltip.
/// </summary>
public static class StepLabel
{
    /// <summary>Titles this short are shown whole.</summary>
    private const int ShowWhole = 10;

    public static string Short(string title)
    {
        var trimmed = title.Trim();
        if (trimmed.Length <= ShowWhole)
        {
            return trimmed;
        }
        var first = trimmed.Split([' ', '-', '/', ','], 2, StringSplitOptions.RemoveEmptyEntries)[0];
        return first.Length == trimmed.Length ? trimmed : first;
    }
}
