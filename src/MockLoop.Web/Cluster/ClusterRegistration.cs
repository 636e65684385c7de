using Microsoft.Extensions.Options;
using MockLoop.Web.Cluster.Membership;
using Orleans.Configuration;
using Orleans.Serialization;

namespace MockLoop.Web.Cluster;

public static class ClusterRegistration
{
    /// <summary>
    /// With Cluster:Enabled, this node hosts an Orleans silo clustered on our PostgreSQL tables. Call after AddData:
    /// the silo joins the cluster only once the migrations (hosted services run in order) made its tables.
    /// </summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClusterNodeOptions>().BindConfiguration(ClusterNodeOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ClusterNodeOptions>, ClusterNodeOptionsValidator>();

        var options = builder.Configuration.GetSection(ClusterNodeOptions.Section).Get<ClusterNodeOptions>() ?? new();
        if (!options.Enabled)
        {
            return builder;
        }
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ClusterId;
            });
            silo.Configure<SiloOptions>(o => o.SiloName = options.ResolveNodeName());
            silo.ConfigureEndpoints(options.ResolveAdvertisedAddress(), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            silo.Configure<ClusterMembershipOptions>(o => TuneProbes(o, options));
            silo.UsePostgresClustering();
            silo.Services.AddGrainSerialization();
        });
        // Live sessions on their grains: this node subscribes to the sessions it has connections for and forwards.
        builder.Services.AddSingleton<Rooms.Grains.ClusterSessions>();
        builder.Services.AddSingleton<Rooms.Grains.SessionGrainCount>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Rooms.Grains.ClusterSessions>());
        builder.Services.AddSingleton<Rooms.IRoomSessions, Rooms.Grains.GrainRoomSessions>();
        return builder;
    }

    /// <summary>
    /// Core's records (commands, results, hub messages) cross grain calls as JSON: they are the hub contract, shared
    /// with the Blazor client, and carry no Orleans attributes.
    /// </summary>
    /// <summary>For every silo and client of our cluster (app nodes, test silos and clients).</summary>
    public static IServiceCollection AddGrainSerialization(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddJsonSerializer(IsCoreType, GrainJson));

    private static bool IsCoreType(Type type) => type.Namespace?.StartsWith("MockLoop.Core", StringComparison.Ordinal) == true;

    private static readonly System.Text.Json.JsonSerializerOptions GrainJson =
        new(System.Text.Json.JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true };

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
    }
}
