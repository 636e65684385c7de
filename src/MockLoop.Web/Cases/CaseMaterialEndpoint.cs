using MockLoop.Web.Rooms;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Cases;

internal static class CaseMaterialEndpoint
{
    /// <summary>The person confirmed the warning on the case page: record it and show them the material.</summary>
    public static async Task<IResult> OpenAsync(string id, HttpContext http, CaseMaterialService material, IRubricCatalog catalog)
    {
        if (catalog.FindCase(id) is null)
        {
            return Results.NotFound();
        }
        await material.OpenAsync(http.User.UserId(), id, http.RequestAborted);
        return Results.LocalRedirect($"/cases/{Uri.EscapeDataString(id)}?opened=1#interviewer-material");
    }
}
