namespace MockLoop.Core.Contracts;

/// <summary>
/// What the interview hub calls on a room's connections. The server's hub is a Hub&lt;IRoomClient&gt;; a .NET client
/// registers its handlers under these method names (nameof), so a renamed message breaks the build on both ends.
/// </summary>
public interface IRoomClient
{
    Task RoomState(RoomStateMessage state);

    Task Presence(PresenceMessage presence);

    /// <summary>A durable entry of the session log, in sequence order.</summary>
    Task Event(SessionEvent entry);

    Task PeerCursor(PeerCursorMessage cursor);

    Task PeerDrag(PeerDragMessage drag);

    Task ReturnMatch(ReturnMatchMessage match);

    Task CallPresence(CallPresenceMessage presence);

    Task CallDescription(CallDescriptionMessage description);

    Task CallCandidate(CallCandidateMessage candidate);
}
