using System.Net;
using Microsoft.Extensions.Options;

namespace MockLoop.Web.Security;

/// <summary>
/// How the app is reached: which browser origins may open its WebSockets, and whether it runs behind a TLS proxy
/// (forwarded headers, HSTS, Secure cookies). Section "Security"; checked at start-up.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Origins ("https://mockloop.example.com") whose pages may connect to the hubs. Empty: only the app's own origin
    /// (the Host the request came to, with its scheme).
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Trust X-Forwarded-For/-Proto/-Host from the proxies below (the app runs behind a TLS proxy).</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Addresses of trusted proxies. Loopback is always trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form ("10.0.0.0/8").</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Send Strict-Transport-Security (only ever on https responses).</summary>
    public bool Hsts { get; set; }

    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Mark the sign-in and antiforgery cookies Secure (sent over https only).</summary>
    public bool SecureCookies { get; set; }
}

internal sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var problems = new List<string>();
        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.AbsolutePath != "/" || origin.EndsWith('/') || !string.IsNullOrEmpty(uri.Query))
            {
                problems.Add($"Security:AllowedOrigins: '{origin}' is not an origin; write it as scheme://host[:port], like https://mockloop.example.com.");
            }
        }
        foreach (var proxy in options.KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                problems.Add($"Security:KnownProxies: '{proxy}' is not an IP address.");
            }
        }
        foreach (var network in options.KnownNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                problems.Add($"Security:KnownNetworks: '{network}' is not a network in CIDR form, like 10.0.0.0/8.");
            }
        }
        if ((options.KnownProxies.Count > 0 || options.KnownNetworks.Count > 0) && !options.ForwardedHeaders)
        {
            problems.Add("Security:KnownProxies/KnownNetworks are set but Security:ForwardedHeaders is false; set it to true to trust them.");
        }
        if (options.HstsMaxAge <= TimeSpan.Zero)
        {
            problems.Add("Security:HstsMaxAge must be positive.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
