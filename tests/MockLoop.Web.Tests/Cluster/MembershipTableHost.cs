using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MockLoop.Web.Cluster.Membership;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Support;
using Orleans.Configuration;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>A migrated database of its own and our membership table on it, as a silo would get it.</summary>
public sealed class MembershipTableHost : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised yet.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("members");
        _services = Services(_database.ConnectionString);
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.MigrateAsync();
    }

    public static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AppDbContext>(o => o.UseNpgsql(connectionString));
        return services.BuildServiceProvider();
    }

    public IMembershipTable Table(string clusterId) => new PostgresMembershipTable(
        _services!.GetRequiredService<IServiceScopeFactory>(), Options.Create(new ClusterOptions { ClusterId = clusterId }),
        TimeProvider.System, NullLogger<PostgresMembershipTable>.Instance);

    public Orleans.Messaging.IGatewayListProvider Gateways(string clusterId) => new PostgresGatewayListProvider(
        _services!.GetRequiredService<IServiceScopeFactory>(), Options.Create(new ClusterOptions { ClusterId = clusterId }),
        Options.Create(new GatewayOptions()));

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
