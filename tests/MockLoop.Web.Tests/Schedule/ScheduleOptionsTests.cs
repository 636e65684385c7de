using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MockLoop.TestClock;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Schedule;

public sealed class ScheduleOptionsTests
{
    [Fact]
    public async Task The_app_refuses_to_start_without_a_valid_mail_server()
    {
        await using var database = await TestDatabase.CreateAsync("mail");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => MockLoopApp.StartOnAsync(database, web =>
        {
            web.UseSetting("Mail:Host", "");
            web.UseSetting("Mail:FromAddress", "not an address");
        }));
        var validation = Assert.IsType<OptionsValidationException>(error is OptionsValidationException ? error : error.InnerException ?? error);
        Assert.Contains(validation.Failures, f => f.Contains("Mail:Host is required"));
        Assert.Contains(validation.Failures, f => f.Contains("Mail:FromAddress"));
    }

    [Fact]
    public async Task The_controllable_clock_is_refused_outside_development_and_testing()
    {
        await using var database = await TestDatabase.CreateAsync("clock");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => MockLoopApp.StartOnAsync(database, web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Testing:ControllableClock:Token", "0123456789abcdef0123");
            new ControllableClockStartup().Configure(web);
        }));
        Assert.Contains("refused in the Production environment", error.ToString());
    }

    [Fact]
    public async Task The_test_clock_assembly_moves_the_apps_clock_for_the_token_holder_only()
    {
        await using var database = await TestDatabase.CreateAsync("clockon");
        await using var app = await MockLoopApp.StartOnAsync(database, web =>
        {
            web.UseSetting("Testing:ControllableClock:Token", "0123456789abcdef0123");
            new ControllableClockStartup().Configure(web);
        });
        var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/testing/clock/advance?minutes=60", null)).StatusCode);

        // The in-memory host puts its own TimeProvider last (MockLoopApp); a published app gets this one (ADR 166).
        var clock = app.Services.GetRequiredService<ShiftedClock>();
        var before = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/testing/clock/advance?minutes=60");
        request.Headers.Add(ControllableClockStartup.TokenHeader, "0123456789abcdef0123");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var now = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("now").GetDateTimeOffset();
        Assert.InRange(now - before, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(61));
        Assert.InRange(clock.GetUtcNow() - before, TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(61));

        using var backwards = new HttpRequestMessage(HttpMethod.Post, "/testing/clock/advance?minutes=-5");
        backwards.Headers.Add(ControllableClockStartup.TokenHeader, "0123456789abcdef0123");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(backwards)).StatusCode);
    }

    [Fact]
    public async Task Without_the_test_clock_assembly_there_is_no_clock_endpoint_whatever_the_settings()
    {
        await using var database = await TestDatabase.CreateAsync("clockoff");
        await using var app = await MockLoopApp.StartOnAsync(database, web => web.UseSetting("Testing:ControllableClock:Token", "0123456789abcdef0123"));
        var client = app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/testing/clock/advance?minutes=60");
        request.Headers.Add(ControllableClockStartup.TokenHeader, "0123456789abcdef0123");
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, response.StatusCode.ToString());
        Assert.Null(app.Services.GetService<ShiftedClock>());
        // The product assembly does not even know the test assembly.
        Assert.DoesNotContain(typeof(Program).Assembly.GetReferencedAssemblies(), a => a.Name == typeof(ControllableClockStartup).Assembly.GetName().Name);
    }
}
