using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using MockLoop.Web.Accounts;

namespace MockLoop.Web.Rooms;

/// <summary>
/// The live room's only channel. Thin by design: who you are comes from the Identity cookie, membership was
/// checked by <see cref="RoomMembershipGate"/> before the connection existed, and the work goes to services.
/// </summary>
[Authorize]
public sealed class InterviewHub(SessionService sessions, RoomPresence presence, ILogger<InterviewHub> logger)
    : Hub<IRoomClient>
{
    public override async Task OnConnectedAsync()
    {
        var sessionId = Context.SessionId();
        var userId = Context.User.UserId();
        var room = await sessions.GetRoomAsync(sessionId, userId, Context.ConnectionAborted);
        if (room is null || room.MyRole is null)
        {
            // The gate refuses these before negotiation; this guards against a seat changing in between.
            logger.LogWarning("Refused hub connection of {User} to {Session}", userId, sessionId);
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, RoomConnection.GroupName(sessionId));
        var cameOnline = presence.Connected(sessionId, userId);

        var participants = room.Participants
            .Select(p => ToView(sessionId, p))
            .ToList();
        await Clients.Caller.RoomState(new RoomStateMessage(sessionId, userId, room.MyRole.Value.ToString(), participants));

        if (cameOnline)
        {
            var me = room.Participants.First(p => p.UserId == userId);
            await Clients.OthersInGroup(RoomConnection.GroupName(sessionId)).Presence(new PresenceMessage(ToView(sessionId, me)));
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var sessionId = RoomConnection.SessionIdFrom(Context.GetHttpContext());
        var userId = Context.User.UserId();
        if (sessionId is { } id && presence.Disconnected(id, userId))
        {
            var role = await sessions.RoleInSessionAsync(id, userId);
            if (role is not null)
            {
                var displayName = Context.User?.FindFirst(AppClaims.DisplayName)?.Value ?? "";
                var view = new ParticipantView(userId, displayName, role.Value.ToString(), Online: false);
                await Clients.OthersInGroup(RoomConnection.GroupName(id)).Presence(new PresenceMessage(view));
            }
        }
        await base.OnDisconnectedAsync(exception);
    }

    private ParticipantView ToView(Guid sessionId, Participant p) =>
        new(p.UserId, p.DisplayName, p.Role.ToString(), presence.IsOnline(sessionId, p.UserId));
}
