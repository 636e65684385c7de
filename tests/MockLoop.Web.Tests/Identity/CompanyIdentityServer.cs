using System.Net;
using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using MockLoop.Web.Tests.Support;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockLoop.Web.Tests.Identity;

/// <summary>Who the company provider says is signing in next.</summary>
public sealed record CompanyPerson(string Subject, string Email, bool EmailVerified, string Name);

/// <summary>
/// A separate OpenID Connect provider, the "company SSO": OpenIddict's server on Kestrel on a loopback port, with its
/// own database. MockLoop's OIDC handler talks to it over real HTTP (discovery, keys, token, userinfo). Its
/// authorization endpoint signs in <see cref="NextPerson"/> at once, or refuses when <see cref="RefuseNext"/>.
/// </summary>
public sealed class CompanyIdentityServer : IAsyncLifetime
{
    /// <summary>Fixed before either fixture starts, so MockLoop's configuration can name it.</summary>
    public static readonly int Port = LoopbackPort.Free();
    public static string Issuer => $"http://127.0.0.1:{Port}/";
    public const string ClientId = "mockloop";
    public const string ClientSecret = "company-provider-secret-for-mockloop-tests";
    public const string RedirectUri = "http://localhost/signin-company";

    private WebApplication? _app;
    private TestDatabase? _database;

    public CompanyPerson NextPerson { get; set; } = new("nobody", "nobody@example.test", false, "Nobody");
    public bool RefuseNext { get; set; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("company");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDbContext<CompanyDb>(db => db.UseNpgsql(_database.ConnectionString).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<CompanyDb>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetUserInfoEndpointUris("connect/userinfo");
                server.AllowAuthorizationCodeFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough().DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });
        builder.Services.AddAuthentication();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        _app.MapPost("/connect/token", (Delegate)TokenAsync);
        _app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync);

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CompanyDb>().Database.EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId, ClientSecret = ClientSecret, ClientType = ClientTypes.Confidential, DisplayName = "MockLoop",
                RedirectUris = { new Uri(RedirectUri) },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
                },
            });
        }
        await _app.StartAsync();
    }

    private IResult Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest()!;
        if (RefuseNext)
        {
            RefuseNext = false;
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person said no.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var person = NextPerson;
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Email, person.Email)
            .SetClaim(Claims.EmailVerified, person.EmailVerified).SetClaim(Claims.Name, person.Name);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        return Results.SignIn(result.Principal!, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var principal = (await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        return Results.Ok(new Dictionary<string, object?>
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject),
            [Claims.Email] = principal.GetClaim(Claims.Email),
            [Claims.EmailVerified] = principal.GetClaim(Claims.EmailVerified) == "true",
            [Claims.Name] = principal.GetClaim(Claims.Name),
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private sealed class CompanyDb(DbContextOptions<CompanyDb> options) : DbContext(options);
}
