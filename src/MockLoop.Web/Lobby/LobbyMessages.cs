namespace MockLoop.Web.Lobby;

[GenerateSerializer]
public sealed record LobbyCounts(int Candidates, int Interviewers, int Either);

/// <summary>
/// The answer to Join: waiting since (server time), or refused with a sentence. Code "unavailable" means the lobby
/// could not be reached just now (it is moving to another node): the same Join can be sent again.
/// </summary>
[GenerateSerializer]
public sealed record LobbyJoinResult(bool Ok, DateTimeOffset? WaitingSince = null, string? Error = null, string? Code = null);

[GenerateSerializer]
public sealed record LobbyMatch(string SessionUrl, string Role);

public interface ILobbyClient
{
    Task Counts(LobbyCounts counts);
    Task Matched(LobbyMatch match);
    Task MatchFailed(string error);
}
