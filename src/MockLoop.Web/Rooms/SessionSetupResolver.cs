using MockLoop.Core.Cases;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Rooms;

/// <summary>
/// Turns what a form (or the lobby) asked for into a valid setup: a rubric the user may use, and a case written for
/// that rubric, drawn at random when none was named. Anything else is refused with a sentence.
/// </summary>
public sealed class SessionSetupResolver(IRubricCatalog catalog, Cases.CaseMaterialService material)
{
    public sealed record Outcome(SessionSetup? Setup, string? Error);

    /// <param name="rubricKey">"id@version" as the form sends it; empty picks the first shipped rubric.</param>
    /// <param name="candidateId">The candidate, when known: a random case is never one whose material they have seen.</param>
    public async Task<Outcome> ResolveAsync(Guid userId, string? rubricKey, string? caseId, CancellationToken ct = default, Guid? candidateId = null)
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
            var seen = candidateId is { } candidate ? await material.CasesSeenByAsync(candidate, ct) : new HashSet<string>();
            var drawn = CaseMaterialRules.Draw(cases.Select(c => c.Id).ToList(), seen, Random.Shared);
            return new Outcome(new SessionSetup(rubric.Id, rubric.Version, drawn), null);
        }
        if (cases.All(c => c.Id != caseId))
        {
            return new Outcome(null, "That case is not written for the chosen rubric.");
        }
        return new Outcome(new SessionSetup(rubric.Id, rubric.Version, caseId), null);
    }
}
