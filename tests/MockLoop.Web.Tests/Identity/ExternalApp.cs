using Microsoft.AspNetCore.Hosting;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Identity;

/// <summary>MockLoop with the company provider configured as its "company SSO" sign-in, and GitHub and Google.</summary>
public sealed class ExternalApp : MockLoopApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ExternalSignIn:Company:Issuer", CompanyIdentityServer.Issuer);
        builder.UseSetting("ExternalSignIn:Company:ClientId", CompanyIdentityServer.ClientId);
        builder.UseSetting("ExternalSignIn:Company:ClientSecret", CompanyIdentityServer.ClientSecret);
        builder.UseSetting("ExternalSignIn:Company:DisplayName", "Acme SSO");
        builder.UseSetting("ExternalSignIn:Company:RequireHttpsMetadata", "false");
        // Configured, not reachable from here: WebProviderTests check what is sent to them.
        builder.UseSetting("ExternalSignIn:GitHub:ClientId", "github-client");
        builder.UseSetting("ExternalSignIn:GitHub:ClientSecret", "github-secret");
        builder.UseSetting("ExternalSignIn:Google:ClientId", "google-client");
        builder.UseSetting("ExternalSignIn:Google:ClientSecret", "google-secret");
    }
}
