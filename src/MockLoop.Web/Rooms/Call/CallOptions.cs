using Microsoft.Extensions.Options;

namespace MockLoop.Web.Rooms.Call;

/// <summary>
/// The ICE servers the room's video call may use, bound to the "Call" section. Empty is valid: two browsers on one
/// machine or one LAN connect directly. Across the internet a STUN server finds public addresses, and a TURN relay
/// is needed when a network blocks direct connections (deploy/README.md).
/// </summary>
public sealed class CallOptions
{
    public const string Section = "Call";

    public List<IceServerOptions> IceServers { get; set; } = [];

    /// <summary>How long a TURN credential made from a <see cref="IceServerOptions.SharedSecret"/> stays valid.</summary>
    public TimeSpan TurnCredentialLifetime { get; set; } = TimeSpan.FromHours(12);
}

public sealed class IceServerOptions
{
    /// <summary><c>stun:host:port</c>, <c>turn:host:port?transport=udp|tcp</c>, <c>turns:host:443?transport=tcp</c>.</summary>
    public List<string> Urls { get; set; } = [];

    /// <summary>A fixed TURN user name. Prefer <see cref="SharedSecret"/>: a fixed credential is readable by every user.</summary>
    public string? Username { get; set; }

    public string? Credential { get; set; }

    /// <summary>
    /// coturn's <c>static-auth-secret</c> (with <c>use-auth-secret</c>): each user gets a credential of their own that
    /// expires, made with the TURN REST scheme, and the secret never leaves the server.
    /// </summary>
    public string? SharedSecret { get; set; }
}

/// <summary>Checks the whole section at start-up and lists every problem, so a bad deployment fails loudly and once.</summary>
internal sealed class CallOptionsValidator : IValidateOptions<CallOptions>
{
    private static readonly string[] Schemes = ["stun:", "stuns:", "turn:", "turns:"];

    public ValidateOptionsResult Validate(string? name, CallOptions options)
    {
        var problems = new List<string>();
        if (options.TurnCredentialLifetime < TimeSpan.FromMinutes(5) || options.TurnCredentialLifetime > TimeSpan.FromDays(7))
        {
            problems.Add($"{CallOptions.Section}:TurnCredentialLifetime must be between 5 minutes and 7 days.");
        }
        for (var i = 0; i < options.IceServers.Count; i++)
        {
            var server = options.IceServers[i];
            var at = $"{CallOptions.Section}:IceServers:{i}";
            if (server.Urls.Count == 0)
            {
                problems.Add($"{at}:Urls needs at least one URL (stun:, turn: or turns:).");
            }
            foreach (var url in server.Urls)
            {
                if (string.IsNullOrWhiteSpace(url) || !Schemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase))
                    || url.Length <= url.IndexOf(':') + 1 || url.Any(char.IsWhiteSpace))
                {
                    problems.Add($"{at}:Urls: '{url}' is not an ICE server URL (stun:host[:port], turn:host[:port][?transport=udp|tcp] or turns:).");
                }
            }
            var isTurn = server.Urls.Any(u => u.StartsWith("turn", StringComparison.OrdinalIgnoreCase));
            var hasFixed = !string.IsNullOrEmpty(server.Username) || !string.IsNullOrEmpty(server.Credential);
            var hasSecret = !string.IsNullOrEmpty(server.SharedSecret);
            if (hasFixed && hasSecret)
            {
                problems.Add($"{at}: give either Username and Credential or SharedSecret, not both.");
            }
            else if (hasFixed && (string.IsNullOrEmpty(server.Username) || string.IsNullOrEmpty(server.Credential)))
            {
                problems.Add($"{at}: Username and Credential go together.");
            }
            else if (isTurn && !hasFixed && !hasSecret)
            {
                problems.Add($"{at}: a TURN server needs Username and Credential, or SharedSecret.");
            }
            if (!isTurn && (hasFixed || hasSecret))
            {
                problems.Add($"{at}: only TURN servers take credentials; a STUN server has none.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
