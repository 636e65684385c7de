using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Security;

/// <summary>Item 5: antiforgery on every state-changing post, the hubs' Origin check, the TLS-proxy settings.</summary>
public sealed class RequestSecurityTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_does_nothing()
    {
        var client = await FormPosts.NewUserAsync(app, "Stays");

        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sessions/new")).StatusCode);
    }

    [Fact]
    public async Task Joining_or_creating_a_session_without_the_antiforgery_token_does_nothing()
    {
        var host = await FormPosts.NewUserAsync(app, "Host");
        var id = await FormPosts.CreateSessionAsync(host, "Interviewer");
        var victim = await FormPosts.NewUserAsync(app, "Victim");

        var join = await victim.PostAsync($"/s/{id}/join", new FormUrlEncodedContent([]));
        var create = await victim.PostAsync("/sessions", new FormUrlEncodedContent([new("role", "Candidate")]));

        Assert.Equal(HttpStatusCode.BadRequest, join.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Null((await db.Sessions.SingleAsync(s => s.Id == id)).CandidateId);
        Assert.Equal(1, await db.Sessions.CountAsync());
    }

    [Fact]
    public async Task The_hub_refuses_a_WebSocket_from_another_sites_page_and_accepts_its_own()
    {
        var host = await FormPosts.NewUserAsync(app, "Host");
        var id = await FormPosts.CreateSessionAsync(host, "Interviewer");

        // Straight to the WebSocket handshake (no negotiate), as a hijacking page's socket would go.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
            RoomHub.ConnectAsync(app, host, $"session={id}", origin: "https://evil.example", skipNegotiation: true));
        Assert.Contains("403", refused.ToString());
        var refusedNegotiate = await Assert.ThrowsAnyAsync<Exception>(() =>
            RoomHub.ConnectAsync(app, host, $"session={id}", origin: "https://evil.example", skipNegotiation: false));
        Assert.Contains("403", refusedNegotiate.ToString());

        await using var own = await RoomHub.ConnectAsync(app, host, $"session={id}", origin: "http://localhost", skipNegotiation: true);
        Assert.Equal("Interviewer", (await own.RoomStateAsync()).GetProperty("myRole").GetString());
    }

    [Fact]
    public async Task A_configured_origin_may_connect_and_a_malformed_one_stops_the_app_at_start()
    {
        await using var configured = await MockLoopApp.StartOnAsync(app.Database,
            web => web.UseSetting("Security:AllowedOrigins:0", "https://rooms.example.com"));
        var host = await FormPosts.NewUserAsync(configured, "Host");
        var id = await FormPosts.CreateSessionAsync(host, "Interviewer");
        await using var allowed = await RoomHub.ConnectAsync(configured, host, $"session={id}", origin: "https://rooms.example.com", skipNegotiation: true);
        await allowed.RoomStateAsync();

        var start = await Assert.ThrowsAnyAsync<Exception>(() =>
            MockLoopApp.StartOnAsync(app.Database, web => web.UseSetting("Security:AllowedOrigins:0", "rooms.example.com/path")));
        Assert.Contains("Security:AllowedOrigins", start.ToString());
    }

    [Fact]
    public async Task Behind_a_TLS_proxy_the_forwarded_scheme_and_host_give_HSTS_and_Secure_cookies_only_when_configured()
    {
        await using var proxied = await MockLoopApp.StartOnAsync(app.Database, web =>
        {
            web.UseSetting("Security:ForwardedHeaders", "true");
            web.UseSetting("Security:Hsts", "true");
            web.UseSetting("Security:SecureCookies", "true");
        });

        var behindProxy = await ViaProxyAsync(proxied);
        var direct = await ViaProxyAsync(app);

        Assert.Contains("max-age=", behindProxy.Response.Headers.StrictTransportSecurity.ToString());
        var secureCookies = behindProxy.Response.Headers.SetCookie.ToArray();
        Assert.NotEmpty(secureCookies);
        Assert.All(secureCookies, c => Assert.Contains("secure", c ?? "", StringComparison.OrdinalIgnoreCase));
        // Not configured: forwarded headers are ignored, so no HSTS and cookies follow the (plain http) request.
        Assert.Empty(direct.Response.Headers.StrictTransportSecurity.ToString());
        Assert.All(direct.Response.Headers.SetCookie.ToArray(), c => Assert.DoesNotContain("secure", c ?? "", StringComparison.OrdinalIgnoreCase));
    }

    private static Task<HttpContext> ViaProxyAsync(MockLoopApp on) => on.Server.SendAsync(http =>
    {
        http.Request.Method = "GET";
        http.Request.Path = "/account/login";
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("app-node:8080");
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.Headers["X-Forwarded-Proto"] = "https";
        http.Request.Headers["X-Forwarded-Host"] = "mockloop.example.com";
        http.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
    });

    [Fact]
    public async Task An_unknown_email_a_wrong_password_and_a_locked_account_each_cost_one_password_hash_check()
    {
        var counter = new CountingHasher();
        await using var counted = await MockLoopApp.StartOnAsync(app.Database, web => web.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<AppUser>>(_ => counter)));
        await TestUsers.CreateConfirmedAsync(counted.Services, "known@example.test", "Known");

        async Task<int> ChecksForAsync(string email, string password)
        {
            var before = counter.Verifications;
            await FormPosts.SignInAsync(counted.CreateBrowserLikeClient(), email, password);
            return counter.Verifications - before;
        }

        Assert.Equal(1, await ChecksForAsync("unknown@example.test", "wrong-pass1"));
        Assert.Equal(1, await ChecksForAsync("known@example.test", "wrong-pass1"));
        for (var i = 0; i < 5; i++)
        {
            await ChecksForAsync("known@example.test", "wrong-pass1");
        }
        Assert.Equal(1, await ChecksForAsync("known@example.test", FormPosts.Password));
    }
}
