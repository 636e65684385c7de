using Microsoft.AspNetCore.Mvc;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms;

/// <summary>Form posts behind the "new interview" and "join" buttons.</summary>
internal static class SessionEndpoints
{
    public static async Task<IResult> CreateAsync(
        HttpContext http, [FromForm] string? role, [FromForm] string? rubric, [FromForm(Name = "case")] string? caseId,
        SessionService sessions, SessionSetupResolver setups)
    {
        if (!Enum.TryParse<SeatRole>(role, ignoreCase: true, out var seat) || !Enum.IsDefined(seat))
        {
            return Results.LocalRedirect("/sessions/new?error=role");
        }
        var userId = http.User.UserId();
        var resolved = await setups.ResolveAsync(userId, rubric, caseId, http.RequestAborted,
            candidateId: seat == SeatRole.Candidate ? userId : null);
        if (resolved.Setup is null)
        {
            return Results.LocalRedirect("/sessions/new?error=setup");
        }
        var session = await sessions.CreateAsync(userId, seat, resolved.Setup, http.RequestAborted);
        return Results.LocalRedirect($"/s/{session.Id}");
    }

    public static async Task<IResult> JoinAsync(Guid id, HttpContext http, SessionService sessions)
    {
        var outcome = await sessions.JoinAsync(id, http.User.UserId(), http.RequestAborted);
        return outcome switch
        {
            JoinOutcome.NotFound => Results.NotFound(),
            // The room page explains a full session; the redirect keeps the URL the invite link.
            _ => Results.LocalRedirect($"/s/{id}"),
        };
    }
}
