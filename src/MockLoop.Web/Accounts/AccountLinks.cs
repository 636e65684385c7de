using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace MockLoop.Web.Accounts;

/// <summary>Identity's tokens carry '+', '/' and '='; links carry them base64url-encoded.</summary>
public static class AccountLinks
{
    public const string ConfirmPath = "/account/confirm";
    public const string ResetPath = "/account/reset";

    /// <param name="returnUrl">Where the person was going when they registered (an invite link): kept through sign-in.</param>
    public static string Confirm(Guid userId, string token, string? returnUrl = null) =>
        $"{ConfirmPath}?userId={userId}&code={EncodeToken(token)}" + ReturnPart(returnUrl);

    /// <summary>The sign-in page, going on to <paramref name="returnUrl"/> when it is a path of this site.</summary>
    public static string SignIn(string? returnUrl) => "/account/login" + (Local(returnUrl) is { } path ? "?returnUrl=" + Uri.EscapeDataString(path) : "");

    private static string ReturnPart(string? returnUrl) => Local(returnUrl) is { } path ? "&returnUrl=" + Uri.EscapeDataString(path) : "";

    private static string? Local(string? returnUrl) => LocalUrl.OrHome(returnUrl) is var path && path != "/" ? path : null;

    public static string Reset(Guid userId, string token) => $"{ResetPath}?userId={userId}&code={EncodeToken(token)}";

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>Null for a code that is not base64url at all (cut short, edited): the page says the link is not valid.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
