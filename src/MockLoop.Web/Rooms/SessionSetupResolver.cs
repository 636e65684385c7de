using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Rooms;

/// <summary>
/// Turns what a form (or the lobby) asked for into a valid setup: a rubric the user may use, and a case written for
/// that rubric, drawn at random when none was named. Anything else is refused with a sentence.
/// </summary>
public sealed class SessionSetupResolver(IRubricCatalog catalog)
{
    public sealed record Outcome(SessionSetup? Setup, string? Error);

    /// <param name="rubricKey">"id@version" as the form sends it; empty picks the first shipped rubric.</param>
    public async Task<Outcome> ResolveAsync(Guid userId, string? rubricKey, string? caseId, CancellationToken ct = default)
    {
        var choices = await catalog.ChoicesForAsync(userId, ct);
        RubricChoice? rubric;
        if (string.IsNullOrWhiteSpace(rubricKey))
        {
            rubric = choices.FirstOrDefault(c => !c.IsCustom) ?? choices.FirstOrDefault();
        }
        else
        {
            rubric = choices.FirstOrDefault(c => $"{c.Id}@{c.Version}" == rubricKey);
        }
        if (rubric is null)
        {
            return new Outcome(null, "Choose one of the rubrics offered.");
        }

        var cases = catalog.CasesFor(rubric.Id);
        if (string.IsNullOrWhiteSpace(caseId))
        {
            var drawn = cases.Count == 0 ? null : cases[Random.Shared.Next(cases.Count)].Id;
            return new Outcome(new SessionSetup(rubric.Id, rubric.Version, drawn), null);
        }
        if (cases.All(c => c.Id != caseId))
        {
            return new Outcome(null, "That case is not written for the chosen rubric.");
        }
        return new Outcome(new SessionSetup(rubric.Id, rubric.Version, caseId), null);
    }
}
