using Microsoft.Extensions.Options;

namespace MockLoop.Web.Identity;

/// <summary>
/// MockLoop as an OpenID Connect provider for other tools (docs/decisions/155). Off unless <see cref="Enabled"/>:
/// a fresh <c>./mockloop run</c> (Production) needs no keys, and nothing answers on /connect/* until an operator
/// turns it on with keys and clients.
/// </summary>
public sealed class ProviderOptions
{
    public const string Section = "Provider";

    public bool Enabled { get; set; }

    /// <summary>PKCS#12 files (.pfx) with private keys; required in Production. Development uses development certificates.</summary>
    public string? SigningCertificatePath { get; set; }
    public string? SigningCertificatePassword { get; set; }
    public string? EncryptionCertificatePath { get; set; }
    public string? EncryptionCertificatePassword { get; set; }

    /// <summary>Behind a TLS proxy the app sees https through forwarded headers; only a loopback demo turns this off.</summary>
    public bool RequireHttps { get; set; } = true;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public List<ProviderClient> Clients { get; set; } = [];
}

/// <summary>A tool allowed to ask for tokens. No secret: a public client (PKCE is required of every client anyway).</summary>
public sealed class ProviderClient
{
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    public string DisplayName { get; set; } = "";
    public List<string> RedirectUris { get; set; } = [];
    public List<string> Scopes { get; set; } = [];
}

internal sealed class ProviderOptionsValidator(IHostEnvironment environment) : IValidateOptions<ProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var errors = new List<string>();
        if (environment.IsProduction())
        {
            RequireFile(errors, nameof(options.SigningCertificatePath), options.SigningCertificatePath);
            RequireFile(errors, nameof(options.EncryptionCertificatePath), options.EncryptionCertificatePath);
        }
        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.AccessTokenLifetime > TimeSpan.FromHours(24))
        {
            errors.Add($"{ProviderOptions.Section}:AccessTokenLifetime must be between 00:00:01 and 1.00:00:00.");
        }
        if (options.RefreshTokenLifetime < options.AccessTokenLifetime)
        {
            errors.Add($"{ProviderOptions.Section}:RefreshTokenLifetime must not be shorter than AccessTokenLifetime.");
        }
        var duplicate = options.Clients.GroupBy(c => c.ClientId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            errors.Add($"{ProviderOptions.Section}:Clients has client id '{duplicate.Key}' twice.");
        }
        for (var i = 0; i < options.Clients.Count; i++)
        {
            errors.AddRange(ClientErrors(options.Clients[i], $"{ProviderOptions.Section}:Clients:{i}", options.RequireHttps));
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireFile(List<string> errors, string key, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add($"{ProviderOptions.Section}:{key} is required in Production (deploy/README.md, 'MockLoop as an OpenID Connect provider').");
        }
        else if (!File.Exists(path))
        {
            errors.Add($"{ProviderOptions.Section}:{key}: no file at {path}.");
        }
    }

    internal static IEnumerable<string> ClientErrors(ProviderClient client, string at, bool requireHttps)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId) || client.ClientId.Length > 100)
        {
            yield return $"{at}:ClientId is required (at most 100 characters).";
        }
        if (string.IsNullOrWhiteSpace(client.DisplayName))
        {
            yield return $"{at}:DisplayName is required: the consent page shows it to people.";
        }
        if (client.ClientSecret is { Length: > 0 and < 32 })
        {
            yield return $"{at}:ClientSecret must be at least 32 characters (or absent for a public client).";
        }
        if (client.RedirectUris.Count == 0)
        {
            yield return $"{at}:RedirectUris needs at least one address.";
        }
        foreach (var uri in client.RedirectUris)
        {
            // Checked by scheme too: on Linux "/path" parses as an absolute file:// address.
            if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(parsed.Fragment))
            {
                yield return $"{at}:RedirectUris: '{uri}' is not an absolute http(s) address without a fragment.";
            }
            else if (parsed.Scheme != Uri.UriSchemeHttps && !(parsed.Scheme == Uri.UriSchemeHttp && (parsed.IsLoopback || !requireHttps)))
            {
                yield return $"{at}:RedirectUris: '{uri}' must use https (http only on loopback).";
            }
        }
        foreach (var scope in client.Scopes)
        {
            if (!ProviderScopes.All.Contains(scope))
            {
                yield return $"{at}:Scopes: '{scope}' is not one of {string.Join(", ", ProviderScopes.All)}.";
            }
        }
    }
}
