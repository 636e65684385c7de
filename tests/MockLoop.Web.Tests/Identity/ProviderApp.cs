using Microsoft.AspNetCore.Hosting;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Identity;

/// <summary>The app with its OpenID Connect provider on, two registered clients, on a manual clock (token expiry).</summary>
public sealed class ProviderApp : MockLoopApp
{
    public const string ToolId = "coach-tool";
    public const string ToolRedirect = "http://127.0.0.1:7811/callback";
    public const string NarrowId = "sessions-only";
    public const string NarrowRedirect = "http://127.0.0.1:7812/cb";

    public ProviderApp()
    {
        Clock = ManualClock;
    }

    public ManualClock ManualClock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Provider:Enabled", "true");
        // TestServer speaks http; production sits behind TLS (RequireHttps stays on there).
        builder.UseSetting("Provider:RequireHttps", "false");
        builder.UseSetting("Provider:Clients:0:ClientId", ToolId);
        builder.UseSetting("Provider:Clients:0:DisplayName", "Coach Tool");
        builder.UseSetting("Provider:Clients:0:RedirectUris:0", ToolRedirect);
        foreach (var (scope, i) in new[] { "openid", "profile", "offline_access", "progress:read", "sessions:read" }.Select((s, i) => (s, i)))
        {
            builder.UseSetting($"Provider:Clients:0:Scopes:{i}", scope);
        }
        builder.UseSetting("Provider:Clients:1:ClientId", NarrowId);
        builder.UseSetting("Provider:Clients:1:DisplayName", "Session Lister");
        builder.UseSetting("Provider:Clients:1:ClientSecret", "a-confidential-secret-of-at-least-32-chars");
        builder.UseSetting("Provider:Clients:1:RedirectUris:0", NarrowRedirect);
        builder.UseSetting("Provider:Clients:1:Scopes:0", "sessions:read");
    }
}
