namespace MockLoop.Web.Lobby;

public sealed record LobbyCounts(int Candidates, int Interviewers, int Either);

/// <summary>The answer to Join: waiting since (server time), or refused with a sentence.</summary>
public sealed record LobbyJoinResult(bool Ok, DateTimeOffset? WaitingSince = null, string? Error = null, string? Code = null);

public sealed record LobbyMatch(string SessionUrl, string Role);

public interface ILobbyClient
{
    Task Counts(LobbyCounts counts);
    Task Matched(LobbyMatch match);
    Task MatchFailed(string error);
}
