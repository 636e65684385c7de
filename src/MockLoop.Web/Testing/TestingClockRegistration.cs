using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MockLoop.Web.Testing;

/// <summary>
/// The controllable clock for browser tests (docs/decisions/074). Off unless Testing:ControllableClock:Enabled is
/// true; refused outright in any environment but Development and Testing, so a production host cannot run with it;
/// its endpoint also needs the configured token. When off, nothing is registered or mapped.
/// </summary>
public static class TestingClockRegistration
{
    public const string Section = "Testing:ControllableClock";
    public const string TokenHeader = "X-Clock-Token";

    private static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>($"{Section}:Enabled");

    public static IHostApplicationBuilder AddTestingClock(this IHostApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration))
        {
            return builder;
        }
        var environment = builder.Environment.EnvironmentName;
        if (environment is not ("Development" or "Testing"))
        {
            throw new InvalidOperationException(
                $"{Section}:Enabled is for browser tests only and refused in the {environment} environment.");
        }
        if (builder.Configuration[$"{Section}:Token"] is not { Length: >= 16 })
        {
            throw new InvalidOperationException($"{Section}:Token must be set (16+ characters) when the controllable clock is on.");
        }
        var clock = new ShiftedClock();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<TimeProvider>(clock);
        return builder;
    }

    public static WebApplication MapTestingClock(this WebApplication app)
    {
        if (!Enabled(app.Configuration))
        {
            return app;
        }
        var token = Encoding.UTF8.GetBytes(app.Configuration[$"{Section}:Token"]!);
        app.Logger.LogWarning("The controllable test clock is ON: POST /testing/clock/advance moves this app's time.");
        app.MapPost("/testing/clock/advance", (HttpContext http, ShiftedClock clock, double minutes) =>
        {
            var given = Encoding.UTF8.GetBytes(http.Request.Headers[TokenHeader].ToString());
            if (!CryptographicOperations.FixedTimeEquals(given, token))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            if (!double.IsFinite(minutes) || minutes <= 0 || minutes > 30 * 24 * 60)
            {
                return Results.BadRequest("minutes must be between 0 and 43200.");
            }
            var now = clock.Advance(TimeSpan.FromMinutes(minutes));
            return Results.Ok(new { now });
        }).DisableAntiforgery();
        return app;
    }
}
