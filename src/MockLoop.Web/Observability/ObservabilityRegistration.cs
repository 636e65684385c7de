using Microsoft.AspNetCore.SignalR;
using MockLoop.Web.Cluster;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MockLoop.Web.Observability;

public static class ObservabilityRegistration
{
    /// <summary>Metrics through OpenTelemetry, served as Prometheus text at /metrics.</summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        var node = (builder.Configuration.GetSection(ClusterNodeOptions.Section).Get<ClusterNodeOptions>() ?? new()).ResolveNodeName();
        builder.Services.Configure<HubOptions>(hubs => hubs.AddFilter<HubMetricsFilter>());
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("mockloop", serviceInstanceId: node))
            .WithMetrics(metrics => metrics
                .AddMeter(NodeMetrics.MeterName)
                // Orleans' own meter: grain activations, messaging, membership.
                .AddMeter("Microsoft.Orleans")
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                // No response cache: a scrape shows the counters as they are (scrapes come seconds apart anyway).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        // The session grains active on this node.
        var grains = app.Services.GetRequiredService<Rooms.Grains.SessionGrainCount>();
        var observed = NodeMetrics.ObserveLiveSessions(() => grains.Active);
        app.Lifetime.ApplicationStopped.Register(observed.Dispose);
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
