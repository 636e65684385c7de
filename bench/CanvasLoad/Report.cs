using System.Globalization;

namespace CanvasLoad;

/// <summary>The whole run, as written to canvas-&lt;stamp&gt;.json.</summary>
internal sealed record Report(
    string Benchmark,
    string StartedAt,
    int WindowSeconds,
    MachineInfo Machine,
    object Settings,
    RoundResult? WarmUpRound,
    List<RoundResult> Rounds,
    int Nodes,
    string? FinishedAt = null);

internal sealed record MachineInfo(int Cores, string Model, string LoadAverageAtStart, long MemoryMb, string Runtime)
{
    public static MachineInfo Read()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            ?.Split(':', 2)[1].Trim() ?? "unknown";
        var memoryKb = long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return new MachineInfo(ProcReadings.Cores(), model, string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)),
            memoryKb / 1024, System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }
}

/// <summary>The table printed at the end of a run (canvas-latest.md).</summary>
internal static class MarkdownReport
{
    private static string Fmt(double? v, int digits = 0) =>
        v is { } value ? value.ToString("N" + digits, CultureInfo.GetCultureInfo("en-US")) : "–";

    private static string Ms(double? v) => v is { } value ? (value < 100 ? Fmt(value, 1) : Fmt(value)) : "–";

    private static string Mb(long kb) => Fmt(kb / 1024.0);

    /// <summary>Thread-pool workers, garbage collector, JIT (tiered compilation), everything else.</summary>
    private static string ThreadGroups(IReadOnlyDictionary<string, double> byName)
    {
        var groups = new double[4];
        foreach (var (name, seconds) in byName)
        {
            groups[name.Contains("TP Worker") ? 0 : name.Contains("GC") ? 1 : name.Contains("Tiered") ? 2 : 3] += seconds;
        }
        return string.Join(" / ", groups.Select(g => Fmt(g, 1)));
    }

    public static string Render(Report report, int warmUpRooms, int warmUpSeconds)
    {
        var rows = new (string Name, Func<RoundResult, string> Cell)[]
        {
            ("Interviews (R) / hub connections", r => $"{Fmt(r.Rooms)} / {Fmt(r.Connections)}"),
            ("Edit → ack latency p50 / p99 (ms)", r => $"{Ms(r.Latency.Ack.P50Ms)} / {Ms(r.Latency.Ack.P99Ms)}"),
            ("Edit → peer latency p50 / p99 (ms)", r => $"{Ms(r.Latency.Peer.P50Ms)} / {Ms(r.Latency.Peer.P99Ms)}"),
            ("Worst ack / peer latency (ms)", r => $"{Ms(r.Latency.Ack.MaxMs)} / {Ms(r.Latency.Peer.MaxMs)}"),
            ("Ops offered per second (window)", r => Fmt(r.Ops.OfferedPerSecond, 1)),
            ("Ops acknowledged per second (window)", r => Fmt(r.Ops.AckedPerSecond, 1)),
            ("Ops acknowledged / persisted (whole round)", r => $"{Fmt(r.Ops.AckedTotal)} / {Fmt(r.Ops.Persisted)}"),
            ("Lost: not seen by peer / not in DB", r => $"{Fmt(r.Integrity.LostToPeer)} / {Fmt(r.Integrity.LostInDatabase)}"),
            ("Duplicated: event seq / op rows", r => $"{Fmt(r.Integrity.DuplicateEventSeqs)} / {Fmt(r.Integrity.DuplicateOpRows)}"),
            ("Sequence gaps (all connections)", r => Fmt(r.Integrity.SeqGaps)),
            ("Refused ops (by code)", r => r.Ops.Refused.Count == 0 ? "0" : string.Join(", ", r.Ops.Refused.Select(p => $"{p.Key} {p.Value}"))),
            ("Transport errors / unexpected closes / failed connects",
                r => $"{Fmt(r.Ops.TransportErrors)} / {Fmt(r.Integrity.UnexpectedCloses)} / {Fmt(r.ConnectFailures)}"),
            ($"Edits skipped ({Participant.MaxInFlight} already in flight)", r => Fmt(r.Ops.SkippedBacklog)),
            ("Unacked at window end / after the 10 s drain", r => $"{Fmt(r.Ops.InFlightAtWindowEnd)} / {Fmt(r.Ops.UnackedAfterDrain)}"),
            ("Persisted after the drain, never acked", r => Fmt(r.Integrity.PersistedButNotAcked)),
            ("Server RSS: baseline / connected, idle / end of load / peak (MB)",
                r => $"{Mb(r.Memory.BaselineRssKb)} / {Mb(r.Memory.ConnectedRssKb)} / {Mb(r.Memory.EndRssKb)} / {Mb(r.Memory.PeakRssKb)}"),
            // Below ~100 connections the garbage collector's swings (tens of MB) drown the connections' share.
            ("Server memory per participant: connected, idle / end of load (KB)", r => r.Connections < 100
                ? "too few to tell"
                : $"{Fmt(r.Memory.PerParticipantConnectedKb(r.Connections))} / {Fmt(r.Memory.PerParticipantKb(r.Connections))}"),
            ("CPU s in window: server / PostgreSQL / load gen",
                r => $"{Fmt(r.Cpu.ServerSeconds, 1)} / {Fmt(r.Cpu.PostgresSeconds, 1)} / {Fmt(r.Cpu.LoadGeneratorSeconds, 1)}"),
            ("Server CPU s by thread: pool workers / GC / JIT / other", r => ThreadGroups(r.Cpu.ServerSecondsByThread)),
            ("CPU s in window: other processes / machine busy / available", r =>
                $"{Fmt(r.Cpu.MachineBusySeconds - r.Cpu.ServerSeconds - (r.Cpu.PostgresSeconds ?? 0) - r.Cpu.LoadGeneratorSeconds, 1)} / " +
                $"{Fmt(r.Cpu.MachineBusySeconds, 1)} / {Fmt(r.Cpu.AvailableCoreSeconds, 1)}"),
            ("Load generator timer lag p99 (ms)", r => Ms(r.LoadGenerator.TimerLag.P99Ms)),
            ("Drag previews sent / relayed to peer", r => $"{Fmt(r.Volatile.DragPreviewsSent)} / {Fmt(r.Volatile.PeerDragsReceived)}"),
            ("Server log warn / fail / crit", r => $"{Fmt(r.ServerLog.Warn)} / {Fmt(r.ServerLog.Fail)} / {Fmt(r.ServerLog.Crit)}"),
            ("Setup s: interviews / connections / first nodes",
                r => $"{Fmt(r.SetupSeconds.Interviews, 1)} / {Fmt(r.SetupSeconds.Connections, 1)} / {Fmt(r.SetupSeconds.FirstNodes, 1)}"),
        };
        var rs = report.Rounds;
        var nodes = report.Nodes > 1
            ? $"{report.Nodes} nodes (a cluster): the interviewer on node 1, the candidate on node 2; server figures are summed over the nodes. "
            : "One node. ";
        var lines = new List<string>
        {
            $"# Canvas benchmark, {report.StartedAt}",
            "",
            $"{report.Machine.Cores} cores ({report.Machine.Model}), load average {report.Machine.LoadAverageAtStart} at start; " +
            $"{report.WindowSeconds} s window per R, after an unreported warm-up round (R={warmUpRooms}, {warmUpSeconds} s); " +
            "PostgreSQL with fsync on; server, PostgreSQL and load generator on the same machine. " + nodes + "See bench/README.md.",
            "",
            $"| Metric | {string.Join(" | ", rs.Select(r => $"R = {r.Rooms}"))} |",
            $"|---|{string.Join("|", rs.Select(_ => "---:"))}|",
        };
        lines.AddRange(rows.Select(row => $"| {row.Name} | {string.Join(" | ", rs.Select(row.Cell))} |"));
        lines.Add("");
        var notes = new List<string>();
        foreach (var r in rs)
        {
            notes.AddRange(r.ServerLog.Messages.Select(m => $"- R={r.Rooms} server log: {m}"));
            notes.AddRange(r.Ops.TransportErrorSamples.Select(m => $"- R={r.Rooms} transport error: {m}"));
            notes.AddRange(r.ConnectErrors.Select(m => $"- R={r.Rooms} connect error: {m}"));
            notes.AddRange(r.LoadGenerator.ClientLogSamples.Select(m => $"- R={r.Rooms} client log: {m}"));
            var i = r.Integrity;
            if (i.MissingOwnEcho + i.DuplicateDeliveries + i.OutOfOrder + i.SeqMismatches > 0)
            {
                notes.Add($"- R={r.Rooms}: own echo missing {i.MissingOwnEcho}, duplicate deliveries {i.DuplicateDeliveries}, " +
                    $"out of order {i.OutOfOrder}, ack/event seq mismatches {i.SeqMismatches}");
            }
        }
        if (notes.Count > 0)
        {
            lines.Add("Notes:");
            lines.Add("");
            lines.AddRange(notes);
            lines.Add("");
        }
        return string.Join('\n', lines);
    }
}
