using MockLoop.Core.Pairing;
using MockLoop.Web.Rooms;

namespace MockLoop.Web.Lobby;

/// <summary>The interview two matched people are sent to: its address, or why it could not be created.</summary>
[GenerateSerializer]
public sealed record PairedSession(string? Url, string? Error);

/// <summary>Creates the session for a match made in the lobby (whichever lobby made it).</summary>
public sealed class PairedSessionStarter(IServiceScopeFactory scopes, ILogger<PairedSessionStarter> logger)
{
    public const string FailedMessage = "You were matched, but the interview could not be created. Join the queue again.";

    public async Task<PairedSession> StartAsync(PairingMatch match)
    {
        try
        {
            var interviewer = Guid.Parse(match.Interviewer.UserId);
            var candidate = Guid.Parse(match.Candidate.UserId);
            await using var scope = scopes.CreateAsyncScope();
            var setups = scope.ServiceProvider.GetRequiredService<SessionSetupResolver>();
            // A case named only by the interviewer is a draw for the candidate: dropped if they have seen its material.
            var caseId = match.CaseId;
            if (caseId is not null && match.Candidate.CaseId is null)
            {
                var seen = await scope.ServiceProvider.GetRequiredService<Cases.CaseMaterialService>().CasesSeenByAsync(candidate);
                caseId = seen.Contains(caseId) ? null : caseId;
            }
            var resolved = await setups.ResolveAsync(interviewer, match.RubricId, caseId, candidateId: candidate);
            if (resolved.Setup is null)
            {
                throw new InvalidOperationException(resolved.Error);
            }
            var session = await scope.ServiceProvider.GetRequiredService<SessionService>()
                .CreatePairedAsync(interviewer, candidate, resolved.Setup);
            return new PairedSession($"/s/{session.Id}", null);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Starting a paired session failed");
            return new PairedSession(null, FailedMessage);
        }
    }
}
