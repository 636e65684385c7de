namespace MockLoop.Core.Contracts;

/// <summary>
/// Why the server refused a command (<see cref="CommandResult.Code"/>) or a read (a hub error starting with the code
/// and a colon). Server and client use these names, so neither spells one by hand.
/// </summary>
public static class CommandCodes
{
    /// <summary>Nothing was stored: the database or the session's node is unavailable. Retried by the client.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>Nothing was stored: this connection sent too much at once. Retried by the client after a pause.</summary>
    public const string RateLimited = "rate_limited";

    public const string NotFound = "not_found";
    public const string NotAParticipant = "not_a_participant";
    public const string BadCommand = "bad_command";
    public const string MalformedOp = "malformed_op";
    public const string BadClientId = "bad_client_id";
    public const string ClientIdTaken = "client_id_taken";
    public const string Conflict = "conflict";

    /// <summary>
    /// The answers a client sends the same command again after: nothing was applied, and it may yet be. Servers since
    /// ADR 160 never answer <see cref="Conflict"/>; earlier ones did when two writers of a session met, which a resend fixes.
    /// </summary>
    public static bool IsRetryable(string? code) => code is Unavailable or RateLimited or Conflict;

    /// <summary>The code a hub error message starts with ("unavailable: …"), when it has one.</summary>
    public static string? OfHubError(string? message) =>
        message is null ? null
        : message.Contains(Unavailable + ":", StringComparison.Ordinal) ? Unavailable
        : message.Contains(RateLimited + ":", StringComparison.Ordinal) ? RateLimited
        : null;
}
