namespace MockLoop.Web.Client.Lobby;

// What the Blazor lobby page shows besides the hub's messages (those are MockLoop.Core.Contracts/LobbyMessages.cs,
// shared with the server's LobbyHub).

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
