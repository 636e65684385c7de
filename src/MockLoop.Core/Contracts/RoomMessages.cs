using MockLoop.Core.Sessions;
namespace MockLoop.Core.Contracts;

// The live room's hub contract: what the server sends and the clients receive. Shared by the server's InterviewHub and
// the Blazor room (MockLoop.Web.Client), so the compiler checks both ends. On the wire: SignalR's JSON protocol with
// camelCase names and enums as strings.

public sealed record ParticipantView(Guid UserId, string DisplayName, SeatRole Role, bool Online);

/// <summary>Sent to a connection when it joins: who is in the room and who is online.</summary>
/// <param name="Protocol">The server's <see cref="ContractJson.ProtocolVersion"/>: a client built for another one reloads.</param>
public sealed record RoomStateMessage(
    Guid SessionId, Guid MyUserId, SeatRole MyRole, IReadOnlyList<ParticipantView> Participants, int Protocol = ContractJson.ProtocolVersion);

/// <summary>Volatile: a participant came online or went offline.</summary>
public sealed record PresenceMessage(ParticipantView Participant);

/// <summary>What a refused call gets back: a stable code for the client and a sentence for the person.</summary>
public sealed record HubError(string Code, string Message);

/// <summary>Volatile: where the peer's pointer is on the canvas (flow coordinates). Never stored.</summary>
public sealed record PeerCursorMessage(Guid UserId, string Name, double X, double Y);

/// <summary>Volatile: a node the peer is dragging, where it is now. The final position arrives as a durable op.</summary>
public sealed record PeerDragMessage(Guid UserId, string NodeId, double X, double Y);

/// <summary>Volatile news that the return match exists, sent to both participants of the finished session.</summary>
public sealed record ReturnMatchMessage(string SessionUrl, string StartedBy);
