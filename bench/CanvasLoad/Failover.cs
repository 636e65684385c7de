using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;

namespace CanvasLoad;

/// <summary>
/// The failover benchmark (issue 11): a live interview whose grain sits on one node, its two participants editing
/// through two other nodes; that node is killed with SIGKILL, and the figure is the time from the kill until the first
/// acknowledgement of an op sent after it (the session serving again on a survivor). The node is started again from
/// its launcher script, the cluster waits until every node sees all silos, and the next kill takes the next node.
/// </summary>
internal static class Failover
{
    private static readonly TimeSpan OpSpacing = TimeSpan.FromMilliseconds(60);   // ≈15 ops/s per participant, under the hub's 20/s
    private static readonly TimeSpan RetrySpacing = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan BeforeKill = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ServingLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RejoinLimit = TimeSpan.FromSeconds(180);

    public static async Task RunAsync(Options options, Psql psql, JsonSerializerOptions json, Action<string> say)
    {
        if (options.Urls.Count < 3 || options.NodeScripts.Count != options.Urls.Count)
        {
            throw new ArgumentException("the failover benchmark needs three or more nodes, each with its launcher script");
        }
        var startedAt = DateTime.UtcNow.ToString("o");
        var machine = MachineInfo.Read();
        var kills = new List<KillResult>();
        var users = new Dictionary<string, (BenchUser A, BenchUser B)>();
        try
        {
            for (var k = 0; k < options.Kills; k++)
            {
                var victim = k % options.Urls.Count;
                var survivors = Enumerable.Range(0, options.Urls.Count).Where(i => i != victim).ToArray();
                var (a, b) = await UsersAsync(options, psql, users, options.Urls[survivors[0]], options.Urls[survivors[1]], k);
                var result = await KillOnceAsync(options, psql, k + 1, victim, a, b);
                kills.Add(result);
                say($"kill {k + 1}/{options.Kills} (node{victim + 1}): serving again after {result.ServingAgainMs:F0} ms " +
                    $"({result.Unavailable} unavailable, {result.TransportErrors} transport errors, lost {result.LostInDatabase}, duplicated {result.DuplicateOpRows})");
                await RestartAsync(options, victim);
                await WriteAsync(options, json, startedAt, machine, kills, finished: false);
            }
        }
        finally
        {
            foreach (var (a, b) in users.Values)
            {
                a.Dispose();
                b.Dispose();
            }
        }
        await WriteAsync(options, json, startedAt, machine, kills, finished: true);
    }

    /// <summary>The two people of a survivor pair (registered once per pair of nodes, through those nodes' pages).</summary>
    private static async Task<(BenchUser A, BenchUser B)> UsersAsync(
        Options options, Psql psql, Dictionary<string, (BenchUser, BenchUser)> users, string urlA, string urlB, int k)
    {
        var key = $"{urlA} {urlB}";
        if (!users.TryGetValue(key, out var pair))
        {
            var a = new BenchUser("interviewer", urlA);
            var b = new BenchUser("candidate", urlB);
            await a.RegisterAsync($"failover-a{k}-{options.Stamp}@example.test".ToLowerInvariant(), "Failover interviewer", psql);
            await b.RegisterAsync($"failover-b{k}-{options.Stamp}@example.test".ToLowerInvariant(), "Failover candidate", psql);
            users[key] = pair = (a, b);
        }
        return pair;
    }

    private static async Task<KillResult> KillOnceAsync(Options options, Psql psql, int index, int victim, BenchUser a, BenchUser b)
    {
        var sessionId = await BenchUser.OpenInterviewAsync(a, b);
        // The interviewer's first connection goes to the victim: the session's grain is placed on the node that first
        // asks for it. Their second connection (another tab) and the candidate's go to the two survivors.
        using var onVictim = new BenchUser(a.Label, options.Urls[victim], a.Cookies);
        await using var holder = Participant.Connect(onVictim, sessionId);
        await holder.StartAsync();
        await holder.InvokeAsync<SyncResult>(InterviewHubMethods.Sync, -1L);
        var editors = new[] { new Editor("a", a, sessionId), new Editor("b", b, sessionId) };
        foreach (var editor in editors)
        {
            await editor.StartAsync();
        }
        using var stop = new CancellationTokenSource();
        var editing = editors.Select(e => e.EditAsync(stop.Token)).ToArray();
        // Both participants' edits are acknowledged (a busy machine may take a while for the first), then a second more.
        var warming = Stopwatch.StartNew();
        while (editors.Any(e => e.Acked == 0))
        {
            if (warming.Elapsed > ServingLimit)
            {
                throw new InvalidOperationException($"kill {index}: the session acknowledged no edits within {ServingLimit.TotalSeconds} s");
            }
            await Task.Delay(50);
        }
        await Task.Delay(BeforeKill);

        var pid = int.Parse(File.ReadAllText(Path.ChangeExtension(options.NodeScripts[victim], ".pid")).Trim(), CultureInfo.InvariantCulture);
        var killedAt = Clock.Now;
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        foreach (var editor in editors)
        {
            editor.KilledAt = killedAt;
        }
        var serving = Task.WhenAny(editors.Select(e => e.ServingAgain.Task));
        if (await Task.WhenAny(serving, Task.Delay(ServingLimit)) != serving)
        {
            throw new InvalidOperationException($"kill {index}: no op was acknowledged within {ServingLimit.TotalSeconds} s of the kill");
        }
        var servingAt = await await serving;
        // A little more editing on the survivor, then a clean stop and the checks against the log.
        await Task.Delay(BeforeKill);
        await stop.CancelAsync();
        await Task.WhenAll(editing);
        foreach (var editor in editors)
        {
            await editor.DisposeAsync();
        }

        await psql.WaitForQuietAsync([sessionId], TimeSpan.FromSeconds(30));
        var rows = await psql.DiagramRowsAsync([sessionId]);
        var acked = editors.SelectMany(e => e.AckedOpIds).ToHashSet();
        return new KillResult(
            index, $"node{victim + 1}", Math.Round(servingAt - killedAt, 1),
            editors.Sum(e => e.Unavailable), editors.Sum(e => e.TransportErrors), editors.Sum(e => e.OtherRefusals),
            acked.Count, acked.Count(id => !rows.ClientIds.Contains(id)), rows.Duplicated);
    }

    /// <summary>Starts the killed node again from its launcher script and waits until every node sees all silos.</summary>
    private static async Task RestartAsync(Options options, int victim)
    {
        using (Process.Start(new ProcessStartInfo(options.NodeScripts[victim]) { UseShellExecute = false }))
        {
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        foreach (var url in options.Urls)
        {
            while (true)
            {
                try
                {
                    var health = JsonNode.Parse(await http.GetStringAsync(new Uri(new Uri(url), "/healthz")))!;
                    if (health["activeSilos"]?.GetValue<int>() == options.Urls.Count)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // not listening yet
                }
                if (deadline.Elapsed > RejoinLimit)
                {
                    throw new InvalidOperationException($"{url} did not see {options.Urls.Count} silos within {RejoinLimit.TotalSeconds} s of the restart");
                }
                await Task.Delay(250);
            }
        }
    }

    private static async Task WriteAsync(
        Options options, JsonSerializerOptions json, string startedAt, MachineInfo machine, List<KillResult> kills, bool finished)
    {
        var serving = LatencySummary.Of(kills.Select(k => k.ServingAgainMs));
        var report = new FailoverReport("failover", startedAt, finished ? DateTime.UtcNow.ToString("o") : null, machine,
            options.Urls.Count, serving, kills);
        await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(report, json) + "\n");
        if (!finished)
        {
            return;
        }
        var lines = new List<string>
        {
            $"# Failover benchmark, {startedAt}",
            "",
            $"{machine.Cores} cores ({machine.Model}), load average {machine.LoadAverageAtStart} at start; {options.Urls.Count} node " +
            "processes on one PostgreSQL (fsync on); each kill is a SIGKILL of the node holding a live session while its two " +
            "participants edit through the two other nodes. See bench/README.md.",
            "",
            "| Kills | Serving again after the kill: p50 / p99 / worst (ms) | `unavailable` answers | Transport errors | Lost / duplicated acknowledged ops |",
            "|---:|---:|---:|---:|---:|",
            $"| {kills.Count} | {serving.P50Ms:F0} / {serving.P99Ms:F0} / {serving.MaxMs:F0} | {kills.Sum(k => k.Unavailable)} | " +
            $"{kills.Sum(k => k.TransportErrors)} | {kills.Sum(k => k.LostInDatabase)} / {kills.Sum(k => k.DuplicateOpRows)} |",
            "",
            "| Kill | Node | Serving again (ms) | unavailable | transport errors | other refusals | acked ops | lost | duplicated |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        };
        lines.AddRange(kills.Select(k =>
            $"| {k.Index} | {k.Node} | {k.ServingAgainMs:F0} | {k.Unavailable} | {k.TransportErrors} | {k.OtherRefusals} | {k.AckedOps} | {k.LostInDatabase} | {k.DuplicateOpRows} |"));
        lines.Add("");
        await File.WriteAllTextAsync(options.MarkdownPath, string.Join('\n', lines));
    }

    /// <summary>
    /// One participant editing closed loop: an op, its answer, the next op; an op answered <c>unavailable</c> (or lost
    /// with its connection's node) is sent again with the same id, as the room does.
    /// </summary>
    private sealed class Editor(string side, BenchUser user, Guid sessionId) : IAsyncDisposable
    {
        private HubConnection connection = null!;
        private int counter;

        public double KilledAt { get; set; } = double.PositiveInfinity;
        public TaskCompletionSource<double> ServingAgain { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Acked { get; private set; }
        public List<string> AckedOpIds { get; } = [];
        public int Unavailable { get; private set; }
        public int TransportErrors { get; private set; }
        public int OtherRefusals { get; private set; }

        public async Task StartAsync()
        {
            connection = Participant.Connect(user, sessionId);
            await connection.StartAsync();
            await connection.InvokeAsync<SyncResult>(InterviewHubMethods.Sync, -1L);
        }

        public async Task EditAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var n = ++counter;
                var op = new AddNodeOp($"op-{side}-{n}", new DiagramNode($"{side}{n}", "client", $"Client {n}", 10 * (n % 100), 20, 160, 60));
                while (true)
                {
                    var sentAt = Clock.Now;
                    CommandResult? result;
                    try
                    {
                        result = await connection.InvokeAsync<CommandResult>(InterviewHubMethods.SubmitOp, op, CancellationToken.None);
                    }
                    catch (Exception) when (!stop.IsCancellationRequested)
                    {
                        TransportErrors++;
                        result = null;
                    }
                    catch (Exception)
                    {
                        return;
                    }
                    if (result?.Ok == true)
                    {
                        Acked++;
                        AckedOpIds.Add(op.OpId);
                        if (sentAt > KilledAt)
                        {
                            ServingAgain.TrySetResult(Clock.Now);
                        }
                        break;
                    }
                    if (result is { Code: CommandCodes.Unavailable })
                    {
                        Unavailable++;
                    }
                    else if (result is not null)
                    {
                        OtherRefusals++;
                    }
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }
                    await Task.Delay(RetrySpacing, CancellationToken.None);
                }
                await Task.Delay(OpSpacing, CancellationToken.None);
            }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

internal sealed record KillResult(
    int Index, string Node, double ServingAgainMs, int Unavailable, int TransportErrors, int OtherRefusals, int AckedOps,
    int LostInDatabase, long DuplicateOpRows);

internal sealed record FailoverReport(
    string Benchmark, string StartedAt, string? FinishedAt, MachineInfo Machine, int Nodes, LatencySummary ServingAgain,
    IReadOnlyList<KillResult> Kills);
