using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms;

/// <summary>
/// SignalR groups of a session. Per role, so interviewer-only entries (notes, later scores) are only ever written to
/// the interviewer's connections: hidden information never leaves the server for the candidate.
/// </summary>
public static class RoomGroups
{
    public static string All(Guid sessionId) => $"session:{sessionId:N}";
    public static string Interviewer(Guid sessionId) => $"session:{sessionId:N}:interviewer";
    public static string Candidate(Guid sessionId) => $"session:{sessionId:N}:candidate";
    public static string For(Guid sessionId, SeatRole role) =>
        role == SeatRole.Interviewer ? Interviewer(sessionId) : Candidate(sessionId);
}
