using System.Text.RegularExpressions;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Observability;

// The instruments are static (one Meter per process, as in production, where a process is one node), so every app in
// the test process feeds them: a connection another test class opened before this app's exporter started, and
// closed after, shows here as a -1 without its +1. Running alone, after the parallel classes, keeps the figures this
// app's own.
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsTestsRunAlone;

[Collection(nameof(MetricsTests))]
public sealed class MetricsTests(MockLoopApp app) : IClassFixture<MockLoopApp>
{
    [Fact]
    public async Task Metrics_serve_prometheus_text_with_connections_commands_ack_latency_batches_and_sessions()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        await room.CandidateHub.CallAsync("SendChat", "metrics please", null);

        var response = await app.CreateClient().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.True(Value(text, "mockloop_hub_connections", "hub=\"InterviewHub\"") >= 2);
        Assert.True(Value(text, "mockloop_hub_commands_total", "kind=\"SendChat\"") >= 1);
        Assert.True(Value(text, "mockloop_hub_ack_duration_seconds_count", "kind=\"SendChat\"") >= 1);
        Assert.True(Value(text, "mockloop_session_log_batch_size_count", "") >= 1);
        Assert.True(Value(text, "mockloop_live_sessions", "") >= 1);
        Assert.Contains("db_client_", text); // Npgsql's own instruments
    }

    /// <summary>The value of the first sample of <paramref name="metric"/> whose labels contain <paramref name="label"/>.</summary>
    private static double Value(string text, string metric, string label)
    {
        var line = text.Split('\n').FirstOrDefault(l =>
            Regex.IsMatch(l, $"^{Regex.Escape(metric)}(\\{{|\\s)") && l.Contains(label, StringComparison.Ordinal));
        Assert.True(line is not null, $"no sample of {metric} with {label} in:\n{text}");
        // name{labels} value [timestamp]
        var afterLabels = line!.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[metric.Length..];
        return double.Parse(afterLabels.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
