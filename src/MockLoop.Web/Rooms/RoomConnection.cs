using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace MockLoop.Web.Rooms;

/// <summary>Reads who a hub connection is and which session it belongs to.</summary>
internal static class RoomConnection
{
    public const string SessionQueryKey = "session";

    public static Guid UserId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static Guid? SessionIdFrom(HttpContext? http) =>
        Guid.TryParse(http?.Request.Query[SessionQueryKey], out var id) ? id : null;

    public static Guid SessionId(this HubCallerContext context) =>
        SessionIdFrom(context.GetHttpContext())
        ?? throw new HubException("This connection names no session.");
}
