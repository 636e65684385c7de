using System.Diagnostics;

namespace CanvasLoad;

/// <summary>
/// Reads (and, for account confirmation, writes) the run's own database through psql: the PG* environment comes from
/// bench/run.sh. The load generator checks the server's work against the rows; it never goes through the app for that.
/// </summary>
internal sealed class Psql(string executable)
{
    public async Task<string> RunAsync(string sql)
    {
        var start = new ProcessStartInfo(executable, ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        await process.StandardInput.WriteAsync(sql);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"psql: {await error}");
    }

    public static string UuidArray(IEnumerable<Guid> ids) => $"'{{{string.Join(",", ids)}}}'::uuid[]";

    /// <summary>The postmaster's process id, when its data directory is readable here (for PostgreSQL's CPU figure).</summary>
    public async Task<int?> PostmasterPidAsync()
    {
        try
        {
            var dataDirectory = (await RunAsync("SHOW data_directory;")).Trim();
            var first = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First();
            return int.TryParse(first, out var pid) ? pid : null;
        }
        catch (Exception)
        {
            return null; // another user's cluster: PostgreSQL's CPU is then not reported
        }
    }

    private static readonly TimeSpan QuietPoll = TimeSpan.FromSeconds(1);

    /// <summary>Waits until the server stops adding diagram rows to these sessions (ops queued before a close).</summary>
    public async Task<double> WaitForQuietAsync(IReadOnlyCollection<Guid> sessionIds, TimeSpan limit)
    {
        var started = Stopwatch.StartNew();
        var sql = $"""SELECT count(*) FROM session_events WHERE "Kind" = 'diagram' AND "SessionId" = ANY({UuidArray(sessionIds)});""";
        var last = (await RunAsync(sql)).Trim();
        var unchanged = 0;
        while (unchanged < 2 && started.Elapsed < limit)
        {
            // Polling, not a wait for an outcome: two equal counts a second apart mean the server's queue is drained.
            await Task.Delay(QuietPoll);
            var now = (await RunAsync(sql)).Trim();
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }
        return started.Elapsed.TotalSeconds;
    }

    /// <summary>The diagram rows of these sessions, read in one snapshot: the server may still be writing.</summary>
    public async Task<DiagramRows> DiagramRowsAsync(IReadOnlyCollection<Guid> sessionIds)
    {
        var where = $"""
            "Kind" = 'diagram' AND "SessionId" = ANY({UuidArray(sessionIds)})
            """;
        var output = await RunAsync($"""
            BEGIN ISOLATION LEVEL REPEATABLE READ;
            SELECT 'count', count(*) FROM session_events WHERE {where};
            SELECT 'duplicated', count(*) FROM (SELECT "ClientId" FROM session_events WHERE {where} AND "ClientId" IS NOT NULL
                                                GROUP BY "ClientId" HAVING count(*) > 1) d;
            SELECT 'id', "ClientId" FROM session_events WHERE {where};
            COMMIT;
            """);
        var rows = new DiagramRows();
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Split('|', 2);
            if (parts.Length < 2)
            {
                continue;
            }
            switch (parts[0])
            {
                case "count": rows.Count = long.Parse(parts[1]); break;
                case "duplicated": rows.Duplicated = long.Parse(parts[1]); break;
                case "id": rows.ClientIds.Add(parts[1]); break;
            }
        }
        return rows;
    }
}

internal sealed class DiagramRows
{
    public long Count { get; set; }
    public long Duplicated { get; set; }
    public HashSet<string> ClientIds { get; } = [];
}
