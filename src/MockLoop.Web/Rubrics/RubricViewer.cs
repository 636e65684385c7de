using System.Security.Claims;

namespace MockLoop.Web.Rubrics;

internal static class RubricViewer
{
    /// <summary>The signed-in user's id, or null for an anonymous visitor (who sees shipped rubrics only).</summary>
    public static Guid? IdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
