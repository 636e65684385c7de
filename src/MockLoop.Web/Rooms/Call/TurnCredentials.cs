using System.Security.Cryptography;
using System.Text;

namespace MockLoop.Web.Rooms.Call;

/// <summary>
/// Short-lived TURN credentials in the "TURN REST API" scheme coturn implements with <c>use-auth-secret</c>: the user
/// name is the expiry (Unix seconds) and an id, the password is base64(HMAC-SHA1(secret, user name)). coturn checks
/// them with the same secret, so nothing is shared with the browser that outlives the lifetime.
/// </summary>
internal static class TurnCredentials
{
    public static (string Username, string Credential) For(string sharedSecret, Guid userId, DateTimeOffset expires)
    {
        var username = $"{expires.ToUnixTimeSeconds()}:{userId:N}";
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(sharedSecret), Encoding.UTF8.GetBytes(username));
        return (username, Convert.ToBase64String(mac));
    }

    public static IReadOnlyList<IceServerView> ServersFor(CallOptions options, Guid userId, DateTimeOffset now) =>
        options.IceServers.Select(server =>
        {
            if (!string.IsNullOrEmpty(server.SharedSecret))
            {
                var (username, credential) = For(server.SharedSecret, userId, now + options.TurnCredentialLifetime);
                return new IceServerView(server.Urls, username, credential);
            }
            return new IceServerView(server.Urls, NullIfEmpty(server.Username), NullIfEmpty(server.Credential));
        }).ToList();

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
