using MockLoop.Web.Rooms.Call;

namespace MockLoop.Web.Rooms;

/// <summary>The video call's signalling, as the other participant's browser receives it. Volatile: never stored.</summary>
public partial interface IRoomClient
{
    Task CallPresence(CallPresenceMessage presence);

    Task CallDescription(CallDescriptionMessage description);

    Task CallCandidate(CallCandidateMessage candidate);
}
