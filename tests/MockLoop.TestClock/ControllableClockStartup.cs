using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MockLoop.TestClock;

[assembly: HostingStartup(typeof(ControllableClockStartup))]

namespace MockLoop.TestClock;

/// <summary>
/// The controllable clock for browser tests (docs/decisions/074, 166), as a hosting startup only a test host loads:
/// in process through <see cref="Configure"/>, or by a published app started with
/// ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=MockLoop.TestClock and DOTNET_STARTUP_HOOKS naming this file
/// (<see cref="ProcessSettings"/>). Refused in any environment but Development and Testing; the endpoint needs the
/// configured token.
/// </summary>
public sealed class ControllableClockStartup : IHostingStartup
{
    public const string Section = "Testing:ControllableClock";
    public const string TokenHeader = "X-Clock-Token";

    /// <summary>The environment variables that make a published app load this assembly, with its token.</summary>
    public static IReadOnlyDictionary<string, string> ProcessSettings(string token) => new Dictionary<string, string>
    {
        ["DOTNET_STARTUP_HOOKS"] = typeof(ControllableClockStartup).Assembly.Location,
        ["ASPNETCORE_HOSTINGSTARTUPASSEMBLIES"] = typeof(ControllableClockStartup).Assembly.GetName().Name!,
        [Section.Replace(":", "__", StringComparison.Ordinal) + "__Token"] = token,
    };

    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices((context, services) =>
        {
            var environment = context.HostingEnvironment.EnvironmentName;
            if (environment is not ("Development" or "Testing"))
            {
                throw new InvalidOperationException(
                    $"The controllable clock is for browser tests only and refused in the {environment} environment.");
            }
            if (context.Configuration[$"{Section}:Token"] is not { Length: >= 16 } token)
            {
                throw new InvalidOperationException($"{Section}:Token must be set (16+ characters) when the controllable clock is loaded.");
            }
            // A hosting startup runs before the app registers its own services; the app adds the system clock only
            // if none is there yet (TryAdd), so this one is the app's clock.
            var clock = new ShiftedClock();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(clock);
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IStartupFilter>(new ClockEndpoint(clock, token));
        });
}
