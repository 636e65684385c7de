using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MockLoop.Web.Cluster;
using MockLoop.Web.Cluster.Membership;
using MockLoop.Web.Data;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace MockLoop.Web.Tests.Cluster;

public interface IWhereAmIGrain : IGrainWithStringKey
{
    Task<string> Silo();
}

/// <summary>Answers with the silo its activation lives on.</summary>
public sealed class WhereAmIGrain : Grain, IWhereAmIGrain
{
    public Task<string> Silo() => Task.FromResult(RuntimeIdentity);
}

/// <summary>
/// Three Orleans silos in one process, clustered only through our PostgreSQL membership table (Orleans' test
/// membership off) with the probe settings the app uses; the client finds them through our gateway list.
/// </summary>
public sealed class SiloClusterTests(MembershipTableHost host) : IClassFixture<MembershipTableHost>
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private const string DatabaseKey = "MockLoopTestDatabase";

    private TestCluster Build(short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[DatabaseKey] = host.Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<OnOurTable>();
        builder.AddClientBuilderConfigurator<OnOurTable>();
        return builder.Build();
    }

    private sealed class OnOurTable : ISiloConfigurator, IClientBuilderConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            AddDatabase(silo.Services, silo.Configuration[DatabaseKey]!);
            silo.UsePostgresClustering();
            silo.Services.AddGrainSerialization();
            silo.Configure<ClusterMembershipOptions>(o => ClusterRegistration.TuneProbes(o, new ClusterNodeOptions()));
        }

        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder client)
        {
            AddDatabase(client.Services, configuration[DatabaseKey]!);
            client.Services.AddSingleton<Orleans.Messaging.IGatewayListProvider, PostgresGatewayListProvider>();
            // The app's grain interfaces are in the assembly this client loads: their Core records go as JSON.
            client.Services.AddGrainSerialization();
        }
    }

    private static void AddDatabase(IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<AppDbContext>(o => o.UseNpgsql(connectionString));
    }

    [Fact]
    public async Task Silos_join_through_our_table_and_a_killed_silo_is_declared_dead_while_its_grain_moves_to_a_survivor()
    {
        await using var cluster = Build(3);
        await cluster.DeployAsync();
        var table = host.Table(cluster.Options.ClusterId);

        var joined = await table.ReadAllAsync(default);
        Assert.Equal(3, joined.Members.Count(m => m.Item1.Status == SiloStatus.Active));

        var grain = cluster.Client.GetGrain<IWhereAmIGrain>("session-1");
        var first = await grain.Silo();
        Assert.Equal(first, await cluster.Client.GetGrain<IWhereAmIGrain>("session-1").Silo());
        var doomed = cluster.Silos.Single(s => s.SiloAddress.ToString() == first);

        await cluster.KillSiloAsync(doomed);

        var moved = await UntilAsync(async () =>
        {
            try
            {
                var now = await grain.Silo();
                return now != first ? now : null;
            }
            catch (Exception ex) when (ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                return null; // The call met the dead silo before the cluster noticed: exactly what a caller retries.
            }
        });
        Assert.Contains(moved, cluster.Silos.Where(s => s != doomed).Select(s => s.SiloAddress.ToString()));

        var afterKill = await UntilAsync(async () =>
        {
            var read = await table.ReadAllAsync(default);
            return read.Members.Single(m => m.Item1.SiloAddress == doomed.SiloAddress).Item1.Status == SiloStatus.Dead ? read : null;
        });
        Assert.Equal(2, afterKill.Members.Count(m => m.Item1.Status == SiloStatus.Active));
        var gateways = await host.Gateways(cluster.Options.ClusterId).GetGatewaysAsync(default);
        Assert.Equal(2, gateways.Count);
    }

    [Fact]
    public async Task A_silo_stopped_gracefully_marks_itself_dead_and_the_others_carry_on()
    {
        await using var cluster = Build(2);
        await cluster.DeployAsync();
        var table = host.Table(cluster.Options.ClusterId);
        var leaving = cluster.Silos[1];

        await cluster.StopSiloAsync(leaving);

        var read = await table.ReadAllAsync(default);
        Assert.Equal(SiloStatus.Dead, read.Members.Single(m => m.Item1.SiloAddress == leaving.SiloAddress).Item1.Status);
        Assert.Equal(SiloStatus.Active, read.Members.Single(m => m.Item1.SiloAddress == cluster.Silos[0].SiloAddress).Item1.Status);
        Assert.Equal(cluster.Silos[0].SiloAddress.ToString(), await cluster.Client.GetGrain<IWhereAmIGrain>("after-stop").Silo());
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value; gives up (fails) after a generous limit.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {GiveUpAfter}.");
            }
            await Task.Delay(100);
        }
    }
}
