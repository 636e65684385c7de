using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MockLoop.Web.Data;
using MockLoop.Web.Security;

namespace MockLoop.Web.Accounts.External;

/// <summary>Start an external sign-in (a form post), finish it (the handler's redirect), and manage linked sign-ins.</summary>
internal static class ExternalEndpoints
{
    public const string CallbackPath = "/account/external/callback";
    public const string SentPath = "/account/external/sent";
    public const string SignInsPath = "/account/sign-ins";
    private const string LinkItem = "mockloop.link-to";

    public static void MapExternalSignIn(this WebApplication app)
    {
        app.MapPost("/account/external/{scheme}", Start).RequireAntiforgery().RequireRateLimiting(RateLimitPolicies.SignIn);
        app.MapGet(CallbackPath, FinishAsync);
        app.MapPost(SignInsPath + "/remove", RemoveAsync).RequireAntiforgery().RequireAuthorization();
    }

    /// <summary>
    /// "Sign in with X" and, from the sign-in methods page, "Add X" (link=true: only for the account signed in now,
    /// remembered in the protected state that comes back with the provider's answer).
    /// </summary>
    private static IResult Start(
        string scheme, [FromForm] string? returnUrl, [FromForm] bool? link, HttpContext http, IOptions<ExternalSignInOptions> options)
    {
        if (!ExternalProviders.Configured(options.Value).Any(p => p.Scheme == scheme))
        {
            return Results.NotFound();
        }
        var properties = new AuthenticationProperties
        {
            RedirectUri = CallbackPath + "?returnUrl=" + Uri.EscapeDataString(LocalUrl.OrHome(returnUrl)),
            Items = { ["LoginProvider"] = scheme },
        };
        if (link == true)
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return Results.Redirect(AccountLinks.SignIn(SignInsPath));
            }
            properties.Items[LinkItem] = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        }
        return Results.Challenge(properties, [scheme]);
    }

    private static async Task<IResult> FinishAsync(
        string? returnUrl, HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users, ExternalAccounts accounts)
    {
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var info = await signIn.GetExternalLoginInfoAsync();
        // The external cookie has done its job whatever happens next.
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (info is null || ExternalIdentity.From(info) is not { } who)
        {
            return Results.Redirect("/account/login?external=failed");
        }

        if (external.Properties?.Items.TryGetValue(LinkItem, out var linkTo) == true && linkTo is not null)
        {
            var current = await users.GetUserAsync(http.User);
            if (current is null || current.Id.ToString() != linkTo)
            {
                return Results.Redirect(AccountLinks.SignIn(SignInsPath));
            }
            var linked = await accounts.LinkAsync(current, who);
            return Results.Redirect(SignInsPath + "?result=" + linked.ToString().ToLowerInvariant());
        }

        return await accounts.SignInAsync(who) switch
        {
            ExternalOutcome.SignedIn => Results.LocalRedirect(LocalUrl.OrHome(returnUrl)),
            ExternalOutcome.CheckInbox => Results.Redirect(SentPath),
            ExternalOutcome.NoEmail => Results.Redirect("/account/login?external=noemail"),
            _ => Results.Redirect("/account/login?external=failed"),
        };
    }

    private static async Task<IResult> RemoveAsync(
        [FromForm] string provider, [FromForm] string key, HttpContext http, UserManager<AppUser> users, ExternalAccounts accounts)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect(AccountLinks.SignIn(SignInsPath));
        }
        var removed = await accounts.RemoveAsync(user, provider, key);
        return Results.Redirect(SignInsPath + "?result=" + (removed ? "removed" : "kept"));
    }
}
