using System.Globalization;
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

    /// <summary>429 with Retry-After, and for a person a page that says how long to wait (TooManyRequestsPage).</summary>
    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TooManyRequestsPage.WriteAsync(context.HttpContext, seconds, ct);
    }
}
