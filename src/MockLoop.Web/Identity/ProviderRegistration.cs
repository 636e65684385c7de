using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MockLoop.Web.Api;
using MockLoop.Web.Data;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace MockLoop.Web.Identity;

public static class ProviderRegistration
{
    /// <summary>
    /// The OpenID Connect provider (OpenIddict, stores in PostgreSQL) and the read API it guards, only when
    /// Provider:Enabled. The web app's own pages keep their Identity cookie either way.
    /// </summary>
    public static IHostApplicationBuilder AddOpenIdProvider(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProviderOptions>().BindConfiguration(ProviderOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProviderOptions>, ProviderOptionsValidator>();
        var options = builder.Configuration.GetSection(ProviderOptions.Section).Get<ProviderOptions>() ?? new ProviderOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AppDbContext>().ReplaceDefaultEntities<Guid>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(ProviderPaths.Authorize)
                    .SetTokenEndpointUris(ProviderPaths.Token)
                    .SetRevocationEndpointUris(ProviderPaths.Revoke)
                    .SetUserInfoEndpointUris(ProviderPaths.UserInfo);
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
                server.RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. ProviderScopes.All]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime);
                AddKeys(server, options, builder.Environment);
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                // A revoked token, or one whose authorization was withdrawn, stops working at once (not at expiry).
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
            });

        builder.Services.AddAuthorization(authorization =>
        {
            foreach (var scope in new[] { ProviderScopes.ProgressRead, ProviderScopes.SessionsRead })
            {
                authorization.AddPolicy(scope, policy => policy
                    .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .RequireAssertion(context => context.User.HasScope(scope)));
            }
        });
        builder.Services.AddHostedService<ProviderClientSync>();
        builder.AddReadApi();
        return builder;
    }

    public static WebApplication MapOpenIdProvider(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ProviderOptions>>().Value.Enabled)
        {
            return app;
        }
        app.MapAuthorizeEndpoint();
        app.MapTokenEndpoints();
        app.MapReadApi();
        return app;
    }

    /// <summary>Production signs with mounted certificates; Development with development certificates; tests with keys that die with the process.</summary>
    private static void AddKeys(OpenIddictServerBuilder server, ProviderOptions options, IHostEnvironment environment)
    {
        if (options.SigningCertificatePath is { Length: > 0 } signing && options.EncryptionCertificatePath is { Length: > 0 } encryption)
        {
            server.AddSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(signing, options.SigningCertificatePassword));
            server.AddEncryptionCertificate(X509CertificateLoader.LoadPkcs12FromFile(encryption, options.EncryptionCertificatePassword));
        }
        else if (environment.IsDevelopment())
        {
            server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
        }
        else if (!environment.IsProduction())
        {
            server.AddEphemeralSigningKey().AddEphemeralEncryptionKey();
        }
        // Production without certificates never gets here: ProviderOptionsValidator refuses to start.
    }
}

public static class ProviderPaths
{
    public const string Authorize = "connect/authorize";
    public const string Token = "connect/token";
    public const string Revoke = "connect/revoke";
    public const string UserInfo = "connect/userinfo";
}
