using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MockLoop.Web.Data;
using MockLoop.Web.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockLoop.Web.Identity;

/// <summary>
/// The authorization endpoint after OpenIddict has checked the request (client, exact redirect URI, PKCE, scopes):
/// sign in with the cookie if needed, ask for consent once, then hand a code to the client.
/// </summary>
internal static class AuthorizeEndpoint
{
    /// <summary>Form fields of the consent page; OpenIddict ignores them as unknown parameters.</summary>
    public const string DecisionField = "mockloop_consent";
    public const string Allow = "allow";
    public const string Deny = "deny";

    public static void MapAuthorizeEndpoint(this WebApplication app)
    {
        app.MapMethods("/" + ProviderPaths.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync)
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .ExcludeFromDescription();
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http, UserManager<AppUser> users, IOpenIddictApplicationManager applications,
        IOpenIddictAuthorizationManager authorizations, IAntiforgery antiforgery)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;
        if (user is null || (request.HasPromptValue(PromptValues.Login) && !IsDecision(http)))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "Nobody is signed in to MockLoop.");
            }
            // Back here after signing in: a local path, with the request's own parameters and nothing else.
            var back = "/" + ProviderPaths.Authorize + QueryString.Create(
                request.GetParameters().Where(p => p.Key != Parameters.Prompt).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
            return Results.Redirect("/account/login?returnUrl=" + Uri.EscapeDataString(back));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("OpenIddict let through an unknown client.");
        var applicationId = await applications.GetIdAsync(application);
        var scopes = request.GetScopes();
        var subject = user.Id.ToString();
        var granted = await authorizations.FindAsync(subject, applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes).FirstOrDefaultAsync();

        if (IsDecision(http))
        {
            // A consent answer is a form post: it must carry this site's antiforgery token.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest("The consent form expired. Go back to the application and start again.");
            }
            if (http.Request.Form[DecisionField] != Allow)
            {
                return Refuse(Errors.AccessDenied, "The person did not allow access.");
            }
            granted = await authorizations.CreateAsync(
                TokenClaimsPrincipal(user, scopes, null), subject, applicationId!, AuthorizationTypes.Permanent, scopes);
        }
        else if (granted is null || request.HasPromptValue(PromptValues.Consent))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.ConsentRequired, "The person has not allowed this application yet.");
            }
            var tokens = antiforgery.GetAndStoreTokens(http);
            return new RazorComponentResult<ConsentPage>(new Dictionary<string, object?>
            {
                [nameof(ConsentPage.ClientName)] = await applications.GetLocalizedDisplayNameAsync(application) ?? request.ClientId,
                [nameof(ConsentPage.PersonName)] = user.DisplayName,
                [nameof(ConsentPage.Scopes)] = scopes.ToList(),
                [nameof(ConsentPage.Parameters)] = request.GetParameters()
                    .Select(p => KeyValuePair.Create(p.Key, p.Value.ToString() ?? "")).ToList(),
                [nameof(ConsentPage.AntiforgeryField)] = tokens.FormFieldName,
                [nameof(ConsentPage.AntiforgeryToken)] = tokens.RequestToken,
            });
        }

        var principal = TokenClaimsPrincipal(user, scopes, await authorizations.GetIdAsync(granted!));
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static bool IsDecision(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType && http.Request.Form.ContainsKey(DecisionField);

    private static ClaimsPrincipal TokenClaimsPrincipal(AppUser user, ImmutableArray<string> scopes, string? authorizationId)
    {
        var identity = TokenClaims.For(user, scopes);
        identity.SetAuthorizationId(authorizationId);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>An OAuth error sent back to the client's (already checked) redirect URI.</summary>
    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
