using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MockLoop.Web.Data;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockLoop.Web.Identity;

/// <summary>
/// Code and refresh grants after OpenIddict checked them (PKCE verifier, client, expiry, revocation): the account
/// must still exist and be allowed to sign in, and its name and email are read afresh.
/// </summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this WebApplication app)
    {
        app.MapPost("/" + ProviderPaths.Token, ExchangeAsync).ExcludeFromDescription();
        app.MapMethods("/" + ProviderPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ExchangeAsync(HttpContext http, UserManager<AppUser> users, SignInManager<AppUser> signIn)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            // OpenIddict only lets through the grants allowed at registration; this is the guard should that change.
            return Refuse(Errors.UnsupportedGrantType, "Only authorization_code and refresh_token are served.");
        }
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            return Refuse(Errors.InvalidGrant, "The account no longer signs in.");
        }
        var identity = TokenClaims.For(user, result.Principal!.GetScopes());
        identity.SetAuthorizationId(result.Principal!.GetAuthorizationId());
        return Results.SignIn(new(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The standard userinfo answer, limited to the scopes the access token carries.</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<AppUser> users)
    {
        var result = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        var user = result.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme]);
        }
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (result.Principal!.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName;
        }
        if (result.Principal!.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }
        return Results.Ok(claims);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
