using Microsoft.AspNetCore.Antiforgery;

namespace MockLoop.Web.Security;

/// <summary>
/// Antiforgery for posts that carry no other form fields (sign-out, join). ASP.NET Core checks the token only when
/// an endpoint binds form data; without this, another site could sign people out or seat them in its interview.
/// </summary>
public static class AntiforgeryRequired
{
    public static TBuilder RequireAntiforgery<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            {
                return Results.Text(
                    "This form has expired or did not come from MockLoop, so nothing was done. Go back, reload the page and try again.",
                    "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
            return await next(context);
        });
}
