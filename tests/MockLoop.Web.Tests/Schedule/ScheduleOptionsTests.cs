using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
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
            web.UseSetting("Testing:ControllableClock:Enabled", "true");
            web.UseSetting("Testing:ControllableClock:Token", "0123456789abcdef0123");
        }));
        Assert.Contains("refused in the Production environment", error.ToString());
    }

    [Fact]
    public async Task Without_the_switch_there_is_no_clock_endpoint()
    {
        await using var app = new MockLoopApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostAsync("/testing/clock/advance?minutes=60", null);
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode.ToString());
    }
}
