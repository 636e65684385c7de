namespace MockLoop.Web.Rooms;

/// <summary>
/// Refuses a hub request (negotiate or WebSocket) from anybody who is not one of the session's two participants,
/// with a status and a sentence, before SignalR makes a connection. The client shows the sentence.
/// </summary>
internal static class RoomMembershipGate
{
    public static async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            await Refuse(http, StatusCodes.Status401Unauthorized, "Sign in to join this interview.");
            return;
        }
        if (RoomConnection.SessionIdFrom(http) is not { } sessionId)
        {
            await Refuse(http, StatusCodes.Status400BadRequest, "The connection must name a session (?session=<id>).");
            return;
        }
        var sessions = http.RequestServices.GetRequiredService<SessionService>();
        var role = await sessions.RoleInSessionAsync(sessionId, http.User.UserId(), http.RequestAborted);
        if (role is null)
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "You are not a participant in this interview.");
            return;
        }
        if (await http.RequestServices.GetRequiredService<Schedule.AttendanceService>().NotYetOpenAsync(sessionId, http.RequestAborted))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "This scheduled interview's room is not open yet.");
            return;
        }
        await next();
    }

    private static Task Refuse(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message);
    }
}
