namespace MockLoop.Web.Rooms;

public sealed record ParticipantView(Guid UserId, string DisplayName, string Role, bool Online);

/// <summary>Sent to a connection when it joins: who is in the room and who is online.</summary>
public sealed record RoomStateMessage(Guid SessionId, Guid MyUserId, string MyRole, IReadOnlyList<ParticipantView> Participants);

/// <summary>Volatile: a participant came online or went offline.</summary>
public sealed record PresenceMessage(ParticipantView Participant);

/// <summary>What a refused call gets back: a stable code for the client and a sentence for the person.</summary>
public sealed record HubError(string Code, string Message);

public partial interface IRoomClient
{
    Task RoomState(RoomStateMessage state);
    Task Presence(PresenceMessage presence);

    /// <summary>A durable entry of the session log, in sequence order.</summary>
    Task Event(Live.SessionEventMessage entry);

    Task PeerCursor(Live.PeerCursorMessage cursor);

    Task PeerDrag(Live.PeerDragMessage drag);

    Task ReturnMatch(Live.ReturnMatchMessage match);
}
