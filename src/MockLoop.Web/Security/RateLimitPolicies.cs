using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MockLoop.Web.Rooms;

namespace MockLoop.Web.Security;

/// <summary>
/// The named limits on form posts. Pages carry them as <c>[EnableRateLimiting]</c> (sign-in, registration), endpoints
/// with <c>RequireRateLimiting</c> (new session, join, rubric upload). Only posts count: reading a page is free.
/// </summary>
public static class RateLimitPolicies
{
    public const string SignIn = "sign-in";
    public const string Register = "register";
    public const string CreateSession = "create-session";
    public const string JoinSession = "join-session";
    public const string RubricUpload = "rubric-upload";

    public static void AddPolicies(RateLimiterOptions limiter)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = WriteTooManyRequestsAsync;
        limiter.AddPolicy(SignIn, http => PerAddress(http, o => o.SignIn));
        limiter.AddPolicy(Register, http => PerAddress(http, o => o.Register));
        limiter.AddPolicy(CreateSession, http => PerUser(http, o => o.CreateSession));
        limiter.AddPolicy(JoinSession, http => PerUser(http, o => o.JoinSession));
        limiter.AddPolicy(RubricUpload, http => PerUser(http, o => o.RubricUpload));
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, Func<RateLimitOptions, int> permits) =>
        Partition(http, "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), permits);

    private static RateLimitPartition<string> PerUser(HttpContext http, Func<RateLimitOptions, int> permits) =>
        Partition(http, http.User.Identity?.IsAuthenticated == true
            ? "user:" + http.User.UserId()
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), permits);

    private static RateLimitPartition<string> Partition(HttpContext http, string key, Func<RateLimitOptions, int> permits)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits(options),
            Window = options.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>429 with Retry-After, and for a person a page that says how long to wait.</summary>
    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var wait = seconds < 90 ? $"{seconds} seconds" : $"{Math.Ceiling(seconds / 60.0):0} minutes";
        var accepts = context.HttpContext.Request.Headers.Accept.ToString();
        if (!accepts.Contains("text/html", StringComparison.OrdinalIgnoreCase) && accepts.Length > 0)
        {
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"Too many requests. Try again in {wait}.", ct);
            return;
        }
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>Slow down · MockLoop</title>
              <link rel="stylesheet" href="/css/app.css" />
            </head>
            <body>
              <main class="card narrow too-many-requests">
                <p class="eyebrow">MockLoop</p>
                <h1>Too many attempts</h1>
                <p>That was a lot of tries in a short time, so we paused this form to keep accounts safe.
                   Nothing was changed.</p>
                <p><strong>Try again in {{WebUtility.HtmlEncode(wait)}}.</strong></p>
                <p><a class="button" href="/">Back to MockLoop</a></p>
              </main>
            </body>
            </html>
            """, ct);
    }
}
