namespace MockLoop.Core.Contracts;

// The lobby hub's contract, as the room's is (ADR 090, 134): what the server's LobbyHub sends and answers, and what the
// Blazor lobby (MockLoop.Web.Client) reads, compiled on both ends from this one file. On the wire: SignalR's JSON
// protocol with camelCase names. Between nodes, the lobby grain's answers cross as JSON too (Core's records carry no
// Orleans attributes: ClusterRegistration.AddGrainSerialization).

/// <summary>How many wait in the lobby for each role (volatile; sent to every lobby page, at most four times a second).</summary>
public sealed record LobbyCounts(int Candidates, int Interviewers, int Either);

/// <summary>
/// The answer to Join: waiting since (server time), or refused with a sentence. Code "unavailable" means the lobby
/// could not be reached just now (it is moving to another node, or its database is down): the same Join can be sent again.
/// </summary>
public sealed record LobbyJoinResult(bool Ok, DateTimeOffset? WaitingSince = null, string? Error = null, string? Code = null);

/// <summary>Paired: the room to go to, and this person's role in it.</summary>
public sealed record LobbyMatch(string SessionUrl, string Role);

/// <summary>
/// What the lobby hub calls on a lobby page's connections. The server's hub is a Hub&lt;ILobbyClient&gt;; a .NET client
/// registers its handlers under these method names (nameof), so a renamed message breaks the build on both ends.
/// </summary>
public interface ILobbyClient
{
    Task Counts(LobbyCounts counts);

    Task Matched(LobbyMatch match);

    Task MatchFailed(string error);
}

/// <summary>
/// What a lobby page may invoke on the lobby hub. The server's LobbyHub implements it (none of its methods takes
/// server-only parameters, unlike the interview hub's), and the Blazor lobby invokes these by name (nameof).
/// </summary>
public interface ILobbyHub
{
    /// <summary>Queues the caller as "candidate", "interviewer" or "either" for a shipped rubric ("id@version"), optionally one case.</summary>
    Task<LobbyJoinResult> Join(string role, string rubric, string? caseId);

    /// <summary>Leaves the queue (closing the last lobby page does too).</summary>
    Task Leave();
}
