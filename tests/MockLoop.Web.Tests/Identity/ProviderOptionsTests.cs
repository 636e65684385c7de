using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using MockLoop.Web.Identity;

namespace MockLoop.Web.Tests.Identity;

/// <summary>What the provider refuses to start with: each message names the key to fix.</summary>
public sealed class ProviderOptionsTests
{
    [Fact]
    public void Off_needs_nothing_so_a_fresh_production_run_starts()
    {
        Assert.True(Validate(Environments.Production, new ProviderOptions()).Succeeded);
    }

    [Fact]
    public void On_in_production_needs_both_certificates()
    {
        var result = Validate(Environments.Production, new ProviderOptions { Enabled = true });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Provider:SigningCertificatePath is required in Production"));
        Assert.Contains(result.Failures!, f => f.Contains("Provider:EncryptionCertificatePath is required in Production"));
        var missing = Validate(Environments.Production, new ProviderOptions
        {
            Enabled = true, SigningCertificatePath = "/nonexistent/signing.pfx", EncryptionCertificatePath = "/nonexistent/encryption.pfx",
        });
        Assert.Contains(missing.Failures!, f => f.Contains("no file at /nonexistent/signing.pfx"));
        Assert.True(Validate(Environments.Development, new ProviderOptions { Enabled = true }).Succeeded);
    }

    [Fact]
    public void Clients_need_an_id_a_name_exact_https_redirects_and_known_scopes()
    {
        var options = new ProviderOptions
        {
            Enabled = true,
            Clients =
            [
                new() { ClientId = "a", DisplayName = "A", RedirectUris = ["https://tool.example/cb"], Scopes = ["progress:read"] },
                new() { ClientId = "a", DisplayName = "", ClientSecret = "short", RedirectUris = ["http://tool.example/cb", "https://x.example/cb#frag", "/relative"], Scopes = ["admin"] },
            ],
        };
        var failures = Validate(Environments.Development, options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("client id 'a' twice"));
        Assert.Contains(failures, f => f.Contains("Provider:Clients:1:DisplayName is required"));
        Assert.Contains(failures, f => f.Contains("Provider:Clients:1:ClientSecret must be at least 32 characters"));
        Assert.Contains(failures, f => f.Contains("'http://tool.example/cb' must use https"));
        Assert.Contains(failures, f => f.Contains("'https://x.example/cb#frag' is not an absolute http(s) address without a fragment"));
        Assert.Contains(failures, f => f.Contains("'/relative' is not an absolute http(s) address"));
        Assert.Contains(failures, f => f.Contains("'admin' is not one of"));
        Assert.DoesNotContain(failures, f => f.Contains("Clients:0"));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string environment, ProviderOptions options) =>
        new ProviderOptionsValidator(new HostingEnvironment { EnvironmentName = environment }).Validate(null, options);
}
