using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MockLoop.TestClock;

/// <summary>
/// POST /testing/clock/advance?minutes=N moves the app's clock forward. Put in front of the app's own pipeline (a
/// startup filter), so the product maps nothing for it.
/// </summary>
internal sealed class ClockEndpoint(ShiftedClock clock, string token) : IStartupFilter
{
    public const string Path = "/testing/clock/advance";
    private const double MaxMinutes = 30 * 24 * 60;

    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger<ClockEndpoint>()
            .LogWarning("The controllable test clock is ON: POST {Path} moves this app's time.", Path);
        app.Map(Path, branch => branch.Run(AdvanceAsync));
        next(app);
    };

    private Task AdvanceAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return Task.CompletedTask;
        }
        var given = Encoding.UTF8.GetBytes(http.Request.Headers[ControllableClockStartup.TokenHeader].ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, _token))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        if (!double.TryParse(http.Request.Query["minutes"], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes)
            || !double.IsFinite(minutes) || minutes <= 0 || minutes > MaxMinutes)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return http.Response.WriteAsync($"minutes must be between 0 and {MaxMinutes}.");
        }
        var now = clock.Advance(TimeSpan.FromMinutes(minutes));
        return http.Response.WriteAsJsonAsync(new { now });
    }
}
