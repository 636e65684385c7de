using MockLoop.Web.Accounts.External;

namespace MockLoop.Web.Tests.Identity;

/// <summary>What external sign-in refuses to start with: each message names the key to fix.</summary>
public sealed class ExternalSignInOptionsTests
{
    [Fact]
    public void Nothing_configured_is_valid_and_offers_nothing()
    {
        var options = new ExternalSignInOptions();
        Assert.True(new ExternalSignInOptionsValidator().Validate(null, options).Succeeded);
        Assert.Empty(ExternalProviders.Configured(options));
    }

    [Fact]
    public void A_company_provider_needs_an_https_issuer_a_secret_and_a_name_and_apps_need_their_secret()
    {
        var options = new ExternalSignInOptions
        {
            Company = { Issuer = "http://login.example.com/", ClientId = "mockloop", DisplayName = " " },
            GitHub = { ClientId = "gh" },
            Google = { ClientId = "g", ClientSecret = "s" },
        };
        var failures = new ExternalSignInOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("ExternalSignIn:Company:Issuer is http"));
        Assert.Contains(failures, f => f.Contains("ExternalSignIn:Company:ClientSecret is required"));
        Assert.Contains(failures, f => f.Contains("ExternalSignIn:Company:DisplayName is required"));
        Assert.Contains(failures, f => f.Contains("ExternalSignIn:GitHub:ClientSecret is required"));
        Assert.DoesNotContain(failures, f => f.Contains("Google"));

        options.Company.Issuer = "not a url";
        Assert.Contains(new ExternalSignInOptionsValidator().Validate(null, options).Failures!, f => f.Contains("Issuer must be the provider's absolute https address"));
        Assert.Equal(["company", "github", "google"], ExternalProviders.Configured(options).Select(p => p.Scheme));
    }
}
