using Microsoft.Extensions.Options;

namespace MockLoop.Web.Security;

/// <summary>
/// Cross-site WebSocket hijacking guard: a browser sends the sign-in cookie with a WebSocket opened by any site, so
/// the hubs refuse a request whose Origin is neither the app's own nor a configured one. Requests without an Origin
/// (not from a browser page) carry no ambient risk and pass; membership is still checked afterwards.
/// </summary>
public static class OriginCheck
{
    public static async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsAllowed(http, origin))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync("This page's origin may not connect to MockLoop.");
            return;
        }
        await next(http);
    }

    private static bool IsAllowed(HttpContext http, string origin)
    {
        var own = $"{http.Request.Scheme}://{http.Request.Host}";
        if (string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var allowed = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AllowedOrigins;
        return allowed.Any(a => string.Equals(a, origin, StringComparison.OrdinalIgnoreCase));
    }
}
