using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using MockLoop.Web.Data;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockLoop.Web.Identity;

/// <summary>What MockLoop says about a person in its tokens, and which token says it.</summary>
internal static class TokenClaims
{
    public static ClaimsIdentity For(AppUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, user.EmailConfirmed);
        identity.SetScopes(scopes);
        identity.SetDestinations(claim => Destinations(claim, identity));
        return identity;
    }

    /// <summary>The id token carries a profile claim only when its scope was granted; the access token stays small.</summary>
    private static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name when identity.HasScope(Scopes.Profile) => [OpenIddictConstants.Destinations.IdentityToken],
        Claims.Email or Claims.EmailVerified when identity.HasScope(Scopes.Email) => [OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };
}
