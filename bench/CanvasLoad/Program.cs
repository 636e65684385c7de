// Load generator for the canvas benchmark (issue 5) and the failover benchmark (issue 11, Failover.cs). Started by
// bench/run.sh against real server processes.
//
// Canvas: for each room count R, two users (registered once, through the real forms) open R interviews through the
// real pages, then open 2R hub connections (A is the interviewer, B the candidate in every room), each adds a few
// nodes and links of its own, and for the measured window edits at about 2 per second: mostly moves (each preceded by
// drag previews), sometimes relabels, adds and deletes, now and then on the same node as the peer. It measures
// edit-to-ack and edit-to-peer latency, throughput, refusals, losses and duplicates (client side and in PostgreSQL),
// and the server's memory and CPU from /proc. With several nodes, A works through node 1 and B through node 2, so
// every interview's two participants reach each other through the session's grain.
using System.Text.Json;
using System.Text.Json.Serialization;
using CanvasLoad;

const int WarmUpRooms = 20;
const int WarmUpSeconds = 15;

var options = Options.Parse(args);
// 2,000 connections' acks and timers arrive in bursts: start with enough pool threads that none waits for injection.
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 16), 64);
var psql = new Psql(options.Psql);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
};
void Say(string message) => Console.Error.WriteLine($"\u001b[1;34mbench:\u001b[0m {message}");

if (options.Mode == "failover")
{
    await Failover.RunAsync(options, psql, json, Say);
    return;
}

var report = new Report("canvas", DateTime.UtcNow.ToString("o"), options.WindowSeconds, MachineInfo.Read(),
    new { Participant.EditIntervalMs, maxInFlightPerConnection = Participant.MaxInFlight, drainMs = 10_000, settleMs = 3_000 },
    null, [], options.Urls.Count);
var postmasterPid = await psql.PostmasterPidAsync();
if (postmasterPid is null)
{
    Say("PostgreSQL's processes are not readable here: its CPU is not reported");
}

using var a = new BenchUser("interviewer", options.Urls[0]);
using var b = new BenchUser("candidate", options.Urls.Count > 1 ? options.Urls[1] : options.Urls[0]);
Say("registering the two users through /account/register");
await a.RegisterAsync($"bench-a-{options.Stamp}@example.test".ToLowerInvariant(), "Bench interviewer", psql);
await b.RegisterAsync($"bench-b-{options.Stamp}@example.test".ToLowerInvariant(), "Bench candidate", psql);

var runner = new RoundRunner(options, psql, new ServerLog(options.ServerLog), postmasterPid);
// An unreported first round, so that start-up costs (JIT compilation, first database connections, the heaps growing)
// do not land on the first measured R.
Say($"warm-up round: R={WarmUpRooms} for {WarmUpSeconds} s, not reported in the table");
report = report with { WarmUpRound = await runner.RunAsync(0, WarmUpRooms, WarmUpSeconds, a, b) };

foreach (var (rooms, i) in options.RoomCounts.Select((r, i) => (r, i)))
{
    var result = await runner.RunAsync(i + 1, rooms, options.WindowSeconds, a, b);
    report.Rounds.Add(result);
    Say($"R={rooms}: ack p50 {result.Latency.Ack.P50Ms} ms p99 {result.Latency.Ack.P99Ms} ms, " +
        $"peer p50 {result.Latency.Peer.P50Ms} ms p99 {result.Latency.Peer.P99Ms} ms, {result.Ops.AckedPerSecond:F1} acks/s");
    await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(report, json) + "\n");
}
report = report with { FinishedAt = DateTime.UtcNow.ToString("o") };
await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(report, json) + "\n");
await File.WriteAllTextAsync(options.MarkdownPath, MarkdownReport.Render(report, WarmUpRooms, WarmUpSeconds));
