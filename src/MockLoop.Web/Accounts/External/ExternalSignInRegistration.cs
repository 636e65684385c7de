using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MockLoop.Web.Security;

namespace MockLoop.Web.Accounts.External;

public static class ExternalSignInRegistration
{
    /// <summary>
    /// One remote handler per configured provider. Each signs in to Identity's external cookie only; the callback
    /// (<see cref="ExternalEndpoints"/>) decides which account that is. State and nonce are protected by the app's
    /// shared data-protection keys, so any node can finish a sign-in another node started.
    /// </summary>
    internal static void AddExternalSignIn(this IHostApplicationBuilder builder, AuthenticationBuilder authentication)
    {
        builder.Services.AddOptions<ExternalSignInOptions>().BindConfiguration(ExternalSignInOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExternalSignInOptions>, ExternalSignInOptionsValidator>();
        builder.Services.AddScoped<ExternalAccounts>();
        var options = builder.Configuration.GetSection(ExternalSignInOptions.Section).Get<ExternalSignInOptions>() ?? new();
        var secure = builder.Configuration.GetValue<bool>($"{SecurityOptions.Section}:{nameof(SecurityOptions.SecureCookies)}");

        if (options.Company.Enabled)
        {
            authentication.AddOpenIdConnect(ExternalProviders.Company, options.Company.DisplayName, oidc =>
            {
                oidc.SignInScheme = IdentityConstants.ExternalScheme;
                oidc.Authority = options.Company.Issuer;
                oidc.ClientId = options.Company.ClientId;
                oidc.ClientSecret = options.Company.ClientSecret;
                oidc.RequireHttpsMetadata = options.Company.RequireHttpsMetadata;
                oidc.CallbackPath = ExternalProviders.CallbackPath(ExternalProviders.Company);
                oidc.ResponseType = "code";
                oidc.ResponseMode = "query";
                oidc.UsePkce = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.SaveTokens = false;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email" })
                {
                    oidc.Scope.Add(scope);
                }
                oidc.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookiePolicy(secure);
                Correlation(oidc, secure);
                oidc.Events.OnAccessDenied = Denied;
                oidc.Events.OnRemoteFailure = Failed;
            });
        }
        if (options.Google.Enabled)
        {
            authentication.AddGoogle(ExternalProviders.Google, "Google", google =>
            {
                OAuthApp(google, ExternalProviders.Google, options.Google, secure);
                google.ClaimActions.MapCustomJson("email_verified", user => Verified(user, "email_verified") ?? Verified(user, "verified_email"));
            });
        }
        if (options.GitHub.Enabled)
        {
            authentication.AddOAuth(ExternalProviders.GitHub, "GitHub", github =>
            {
                OAuthApp(github, ExternalProviders.GitHub, options.GitHub, secure);
                github.AuthorizationEndpoint = "https://github.com/login/oauth/authorize";
                github.TokenEndpoint = "https://github.com/login/oauth/access_token";
                github.UserInformationEndpoint = "https://api.github.com/user";
                github.Scope.Add("read:user");
                github.Scope.Add("user:email");
                github.Events.OnCreatingTicket = ReadGitHubUserAsync;
            });
        }
    }

    /// <summary>What the two OAuth apps (Google, GitHub) share: client, callback, PKCE, cookies and the failure pages.</summary>
    private static void OAuthApp(OAuthOptions oauth, string scheme, ExternalSignInOptions.OAuthApp app, bool secure)
    {
        oauth.SignInScheme = IdentityConstants.ExternalScheme;
        oauth.ClientId = app.ClientId!;
        oauth.ClientSecret = app.ClientSecret!;
        oauth.CallbackPath = ExternalProviders.CallbackPath(scheme);
        oauth.UsePkce = true;
        Correlation(oauth, secure);
        oauth.Events.OnAccessDenied = Denied;
        oauth.Events.OnRemoteFailure = Failed;
    }

    /// <summary>
    /// Every provider answers with a top-level GET redirect (query response mode), so Lax cookies come back with it;
    /// Secure like the sign-in cookie (always behind a TLS proxy, per request otherwise), not the default "always",
    /// which a plain-http loopback run cannot keep.
    /// </summary>
    private static void Correlation(RemoteAuthenticationOptions remote, bool secure)
    {
        remote.CorrelationCookie.SameSite = SameSiteMode.Lax;
        remote.CorrelationCookie.SecurePolicy = CookiePolicy(secure);
    }

    private static CookieSecurePolicy CookiePolicy(bool secure) => secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    private static string? Verified(JsonElement user, string property) =>
        user.TryGetProperty(property, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? (value.ValueKind == JsonValueKind.True ? "true" : "false")
            : null;

    /// <summary>GitHub's user has an id and a name; which addresses are verified only its emails list says.</summary>
    private static async Task ReadGitHubUserAsync(OAuthCreatingTicketContext context)
    {
        async Task<JsonElement> GetAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", context.AccessToken);
            request.Headers.UserAgent.ParseAdd("MockLoop");
            request.Headers.Accept.ParseAdd("application/vnd.github+json");
            using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
            response.EnsureSuccessStatusCode();
            return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
        }

        var user = await GetAsync(context.Options.UserInformationEndpoint);
        var identity = context.Identity!;
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.GetProperty("id").GetRawText()));
        var name = user.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : user.GetProperty("login").GetString();
        identity.AddClaim(new Claim(ClaimTypes.Name, name ?? ""));
        var emails = await GetAsync("https://api.github.com/user/emails");
        var primary = emails.EnumerateArray().FirstOrDefault(e => e.TryGetProperty("primary", out var p) && p.ValueKind == JsonValueKind.True);
        if (primary.ValueKind == JsonValueKind.Object && primary.GetProperty("email").GetString() is { } email)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, email));
            identity.AddClaim(new Claim("email_verified", Verified(primary, "verified") ?? "false"));
        }
    }

    /// <summary>The person said no at the provider: back to the sign-in page, which says so.</summary>
    private static Task Denied(AccessDeniedContext context)
    {
        context.Response.Redirect("/account/login?external=denied");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>A tampered or replayed state, a bad nonce, an unreachable provider: no sign-in, and a plain message.</summary>
    private static Task Failed(RemoteFailureContext context)
    {
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MockLoop.ExternalSignIn")
            .LogWarning(context.Failure, "External sign-in through {Scheme} failed", context.Scheme.Name);
        context.Response.Redirect("/account/login?external=failed");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
