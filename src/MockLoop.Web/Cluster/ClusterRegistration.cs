using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MockLoop.Web.Cluster.Membership;
using Orleans.Configuration;
using Orleans.Serialization;

namespace MockLoop.Web.Cluster;

public static class ClusterRegistration
{
    /// <summary>
    /// The clock of cluster housekeeping in our grains (has a node refreshed its subscription lately?): real time even
    /// where the app's clock is a test's, so moving that clock never makes a live node look gone.
    /// </summary>
    public const string RealTime = "MockLoop.RealTime";

    /// <summary>
    /// Every node hosts an Orleans silo clustered on our PostgreSQL tables (one node too: ADR 115), so live sessions
    /// and the lobby always run on grains. Call after AddData: the silo joins the cluster only once the migrations
    /// (hosted services run in order) made its tables.
    /// </summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClusterNodeOptions>().BindConfiguration(ClusterNodeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ClusterNodeOptions>, ClusterNodeOptionsValidator>();

        var options = builder.Configuration.GetSection(ClusterNodeOptions.Section).Get<ClusterNodeOptions>() ?? new();
        if (options.SiloPort == 0)
        {
            // Chosen once and written back, so the silo, the node's default name and /metrics agree on it.
            options.SiloPort = FreePort();
            builder.Configuration[$"{ClusterNodeOptions.Section}:{nameof(ClusterNodeOptions.SiloPort)}"] = options.SiloPort.ToString(CultureInfo.InvariantCulture);
        }
        var advertised = options.ResolveAdvertisedAddress();
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ClusterId;
            });
            silo.Configure<SiloOptions>(o => o.SiloName = options.ResolveNodeName());
            // A node advertised on loopback (one machine) listens on loopback only: nothing outside can reach its silo.
            silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
            silo.Configure<ClusterMembershipOptions>(o => TuneProbes(o, options));
            silo.UsePostgresClustering();
            if (options.StronglyConsistentDirectory)
            {
                // Experimental in Orleans 10, and only behind this switch, which is off by default (ADR 162).
#pragma warning disable ORLEANSEXP003
                silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            }
            silo.Services.AddGrainSerialization();
            KeepOrleansOnRealTime(silo.Services);
        });
        // Live sessions on their grains: this node subscribes to the sessions it has connections for and forwards.
        builder.Services.AddSingleton<Rooms.Grains.ClusterSessions>();
        builder.Services.AddSingleton<Rooms.Grains.SessionGrainCount>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Rooms.Grains.ClusterSessions>());
        builder.Services.AddSingleton<Rooms.IRoomSessions, Rooms.Grains.GrainRoomSessions>();
        return builder;
    }

    /// <summary>
    /// Orleans resolves its clocks per area (keyed TimeProvider, <see cref="TimeProviderNames"/>), each falling back to
    /// the app's TimeProvider. Tests replace that one with a manual or fake clock; membership, probes, request timeouts
    /// and activation collection must keep real time (a frozen clock would stall or confuse them), while grains keep
    /// the app's clock (timers and delays the session and lobby rules are timed by).
    /// </summary>
    private static void KeepOrleansOnRealTime(IServiceCollection services)
    {
        services.AddKeyedSingleton<TimeProvider>(RealTime, TimeProvider.System);
        services.AddKeyedSingleton<TimeProvider>(KeyedService.AnyKey, (_, _) => TimeProvider.System);
        services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, (sp, _) => sp.GetRequiredService<TimeProvider>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Core's records (commands, results, hub messages) cross grain calls as JSON: they are the hub contract, shared
    /// with the Blazor client, and carry no Orleans attributes. For every silo and client of our cluster (app nodes,
    /// test silos and clients).
    /// </summary>
    public static IServiceCollection AddGrainSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(IsCoreType, GrainJson));

    private static bool IsCoreType(Type type) => type.Namespace?.StartsWith("MockLoop.Core", StringComparison.Ordinal) == true;

    /// <summary>Text with a lone surrogate crosses too, so the session's rules refuse it by name (ADR 051).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions GrainJson =
        new(System.Text.Json.JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            Converters = { new Core.Text.JsonText.LenientStringConverter() },
        };

    /// <summary>Our membership table and gateway list, for a silo (app node or test silo).</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        silo.Services.AddSingleton<Orleans.Messaging.IGatewayListProvider, PostgresGatewayListProvider>();
        return silo;
    }

    /// <summary>The detection speed the issue asks for (a kill -9 noticed in about 2 s on loopback); see ADR 100.</summary>
    public static void TuneProbes(ClusterMembershipOptions membership, ClusterNodeOptions options)
    {
        membership.ProbeTimeout = options.ProbeTimeout;
        membership.NumMissedProbesLimit = options.MissedProbesLimit;
        membership.TableRefreshTimeout = options.TableRefreshTimeout;
        // A starting node waits to reach every silo the table calls active, unless that silo's heartbeat row is stale.
        // Orleans' defaults (30 s × 3) kept a node restarted after a crash waiting 90 s for its own dead predecessor
        // (a free port each start, so it is not recognised as the same silo); this makes it about 10 s, for one
        // heartbeat UPDATE per node every 5 s (ADR 115).
        membership.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        membership.NumMissedTableIAmAliveLimit = 2;
    }
}
