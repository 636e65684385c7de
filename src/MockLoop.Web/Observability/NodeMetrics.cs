using System.Diagnostics.Metrics;

namespace MockLoop.Web.Observability;

/// <summary>
/// MockLoop's own instruments, exported at /metrics with OpenTelemetry's meters (ASP.NET Core, Npgsql, Orleans).
/// Each node reports its own; the scraper tells nodes apart by target (and by the node name in target_info).
/// </summary>
public static class NodeMetrics
{
    public const string MeterName = "MockLoop";

    private static readonly Meter Meter = new(MeterName);

    public static readonly UpDownCounter<long> HubConnections = Meter.CreateUpDownCounter<long>(
        "mockloop.hub.connections", unit: "{connection}", description: "Open SignalR connections on this node, by hub.");

    public static readonly Counter<long> Commands = Meter.CreateCounter<long>(
        "mockloop.hub.commands", unit: "{command}", description: "Hub invocations handled on this node, by hub and kind (method).");

    public static readonly Histogram<double> AckLatency = Meter.CreateHistogram(
        "mockloop.hub.ack.duration", unit: "s",
        description: "From a hub invocation's arrival to its answer; for a durable change the answer is the ack, sent after the commit.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });

    public static readonly Histogram<int> GroupCommitBatch = Meter.CreateHistogram(
        "mockloop.session_log.batch.size", unit: "{entry}", description: "Session log entries written in one group-commit transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    // One process is one node, with one engine. In-memory test hosts share the process, so the gauge sums the
    // engines registered and not yet stopped.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<object, Func<int>> LiveSessionSources = new();

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0052", Justification =
        "Declared beside the other instruments; the meter reads it through its callback, never through this field.")]
    private static readonly ObservableGauge<int> LiveSessions = Meter.CreateObservableGauge(
        "mockloop.live_sessions", () => LiveSessionSources.Values.Sum(count => count()), unit: "{session}",
        description: "Live sessions held by this node.");

    /// <summary>Adds an engine's count to the live-session gauge until the returned handle is disposed.</summary>
    public static IDisposable ObserveLiveSessions(Func<int> count)
    {
        var key = new object();
        LiveSessionSources[key] = count;
        return new Unregister(() => LiveSessionSources.TryRemove(key, out _));
    }

    private sealed class Unregister(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
