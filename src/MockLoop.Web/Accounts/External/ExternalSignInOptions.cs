using Microsoft.Extensions.Options;

namespace MockLoop.Web.Accounts.External;

/// <summary>
/// Sign-in through another identity provider. Each is on only when its client id is set, and only then shown on the
/// sign-in page (docs/decisions/156).
/// </summary>
public sealed class ExternalSignInOptions
{
    public const string Section = "ExternalSignIn";

    public CompanyProvider Company { get; set; } = new();
    public OAuthApp GitHub { get; set; } = new();
    public OAuthApp Google { get; set; } = new();

    /// <summary>Any standards-compliant OpenID Connect provider, found through its issuer's discovery document.</summary>
    public sealed class CompanyProvider
    {
        public string? Issuer { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        /// <summary>How the sign-in page names it: "Sign in with Acme SSO".</summary>
        public string DisplayName { get; set; } = "your company account";
        /// <summary>Only a provider on loopback (tests, a local demo) may be plain http.</summary>
        public bool RequireHttpsMetadata { get; set; } = true;
        public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);
    }

    public sealed class OAuthApp
    {
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);
    }
}

internal sealed class ExternalSignInOptionsValidator : IValidateOptions<ExternalSignInOptions>
{
    public ValidateOptionsResult Validate(string? name, ExternalSignInOptions options)
    {
        var errors = new List<string>();
        var company = options.Company;
        if (company.Enabled)
        {
            if (!Uri.TryCreate(company.Issuer, UriKind.Absolute, out var issuer) || (issuer.Scheme != Uri.UriSchemeHttps && issuer.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"{ExternalSignInOptions.Section}:Company:Issuer must be the provider's absolute https address.");
            }
            else if (issuer.Scheme == Uri.UriSchemeHttp && company.RequireHttpsMetadata)
            {
                errors.Add($"{ExternalSignInOptions.Section}:Company:Issuer is http: use https (RequireHttpsMetadata=false only for a provider on loopback).");
            }
            if (string.IsNullOrWhiteSpace(company.ClientSecret))
            {
                errors.Add($"{ExternalSignInOptions.Section}:Company:ClientSecret is required.");
            }
            if (string.IsNullOrWhiteSpace(company.DisplayName))
            {
                errors.Add($"{ExternalSignInOptions.Section}:Company:DisplayName is required: the sign-in page shows it.");
            }
        }
        foreach (var (key, app) in new[] { ("GitHub", options.GitHub), ("Google", options.Google) })
        {
            if (app.Enabled && string.IsNullOrWhiteSpace(app.ClientSecret))
            {
                errors.Add($"{ExternalSignInOptions.Section}:{key}:ClientSecret is required with its ClientId.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
