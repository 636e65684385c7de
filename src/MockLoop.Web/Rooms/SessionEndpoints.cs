using Microsoft.AspNetCore.Mvc;

namespace MockLoop.Web.Rooms;

/// <summary>Form posts behind the "new interview" and "join" buttons.</summary>
internal static class SessionEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext http, [FromForm] string? role, SessionService sessions)
    {
        if (!Enum.TryParse<SeatRole>(role, ignoreCase: true, out var seat) || !Enum.IsDefined(seat))
        {
            return Results.LocalRedirect("/sessions/new?error=role");
        }
        var session = await sessions.CreateAsync(http.User.UserId(), seat, http.RequestAborted);
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
