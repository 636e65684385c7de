namespace MockLoop.Web.Client.Lobby;

// The lobby hub's wire format as the Blazor lobby reads it (the server's records are Orleans-serialized types in
// MockLoop.Web/Lobby/LobbyMessages.cs, which the browser cannot reference). Same names, camelCase JSON.

public sealed record LobbyCounts(int Candidates, int Interviewers, int Either);

/// <summary>The answer to Join: waiting since (server time), or refused with a sentence.</summary>
public sealed record LobbyJoinResult(bool Ok, DateTimeOffset? WaitingSince = null, string? Error = null, string? Code = null);

public sealed record LobbyMatch(string SessionUrl, string Role);

/// <summary>A shipped rubric the lobby pairs on, with its cases (the page passes them in).</summary>
/// <param name="Key">"id@version", as the hub's Join takes it.</param>
public sealed record LobbyRubricOption(string Key, string Title, IReadOnlyList<LobbyCaseOption> Cases);

public sealed record LobbyCaseOption(string Id, string Title);

public static class LobbyFormat
{
    /// <summary>"0:07", "2:05", "1:02:03": how long someone has waited, from the server's enqueue time.</summary>
    public static string Waited(DateTimeOffset since, DateTimeOffset now)
    {
        var seconds = Math.Max(0, (long)Math.Floor((now - since).TotalSeconds));
        var (h, m, s) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        return h > 0 ? $"{h}:{m:00}:{s:00}" : $"{m}:{s:00}";
    }
}
