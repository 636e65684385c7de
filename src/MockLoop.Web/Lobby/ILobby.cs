using MockLoop.Core.Pairing;

namespace MockLoop.Web.Lobby;

/// <summary>
/// The pairing queue as the lobby hub sees it: this node's own queue (one node) or the cluster's lobby grain.
/// A user is queued while at least one of their lobby pages is open, on any node.
/// </summary>
public interface ILobby
{
    Task ConnectedAsync(Guid userId, string connectionId);
    Task DisconnectedAsync(Guid userId, string connectionId);
    Task<LobbyCounts> CountsAsync();
    /// <param name="atHead">Waits at the head of the queue: the person's scheduled partner did not come.</param>
    Task<LobbyJoinResult> JoinAsync(Guid userId, PairingRole role, string rubricKey, string? caseId, bool atHead = false);
    Task LeaveAsync(Guid userId);
}
