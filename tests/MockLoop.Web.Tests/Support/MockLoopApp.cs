using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MockLoop.Web.Tests.Support;

/// <summary>The real app (real PostgreSQL, real SignalR) in memory, on a database of its own.</summary>
public class MockLoopApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private bool _ownsDatabase = true;
    private Action<IWebHostBuilder>? _configure;

    /// <summary>A second app on an existing database: a restarted server. The database stays when it is disposed.</summary>
    public static async Task<MockLoopApp> StartOnAsync(TestDatabase database, Action<IWebHostBuilder>? configure = null, TimeProvider? clock = null)
    {
        var app = new MockLoopApp { _database = database, _ownsDatabase = false, _configure = configure, Clock = clock ?? TimeProvider.System };
        await ((IAsyncLifetime)app).InitializeAsync();
        return app;
    }

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised yet.");

    /// <summary>Tests that need to move time replace it before the first request.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public async Task InitializeAsync()
    {
        _database ??= await TestDatabase.CreateAsync();
        // Starting the server applies the migrations.
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MockLoop", Database.ConnectionString);
        // ./mockloop test gives each run its own key folder (DataProtection__KeysDirectory). Those throwaway keys are
        // unencrypted on purpose; the "no XML encryptor" warning is for production, where deploy/README.md covers it.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
        TestMailServer.Configure(builder);
        // Every test client shares one (missing) address, so the per-address form limits would trip across tests;
        // the rate-limit tests set their own small limits.
        foreach (var limit in new[] { "SignIn", "Register", "CreateSession", "JoinSession", "RubricUpload" })
        {
            builder.UseSetting($"RateLimits:{limit}", "100000");
        }
        // Every app hosts a silo: a cluster of its own (apps on one database never join each other unless a test
        // says so, see ClusterNodes), on loopback, on a free port (the default).
        builder.UseSetting("Cluster:ClusterId", "test-" + Guid.NewGuid().ToString("N")[..12]);
        builder.UseSetting("Cluster:AdvertisedAddress", "127.0.0.1");
        builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        _configure?.Invoke(builder);
    }

    private readonly ConditionalWeakTable<HttpClient, CookieContainer> _cookies = new();

    /// <summary>A client that keeps cookies like a browser and does not follow redirects (tests check them).</summary>
    public HttpClient CreateBrowserLikeClient()
    {
        var cookies = new CookieContainer();
        var client = CreateDefaultClient(new CookieContainerHandler(cookies));
        _cookies.Add(client, cookies);
        return client;
    }

    /// <summary>The Cookie header that client would send, for the hub's WebSocket request.</summary>
    public string? CookieHeaderFor(HttpClient client) =>
        _cookies.TryGetValue(client, out var cookies) ? cookies.GetCookieHeader(Server.BaseAddress) : null;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && _ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
