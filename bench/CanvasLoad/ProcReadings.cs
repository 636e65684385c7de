namespace CanvasLoad;

/// <summary>CPU and memory from /proc: the server's nodes, PostgreSQL's processes, the machine, this process.</summary>
internal static class ProcReadings
{
    private const double ClockTicksPerSecond = 100; // Linux's USER_HZ on every mainstream architecture

    public static long RssKb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
            }
        }
        return 0;
    }

    /// <summary>Parent pid and utime+stime; the command name may hold spaces and parentheses, so fields count from the last ')'.</summary>
    private static (int ParentPid, long Ticks) Stat(string path)
    {
        var text = File.ReadAllText($"{path}/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1]), long.Parse(fields[11]) + long.Parse(fields[12]));
    }

    public static long SumRssKb(IEnumerable<int> pids) => pids.Sum(pid => Try(() => RssKb(pid)));

    public static double SumCpuSeconds(IEnumerable<int> pids) =>
        pids.Sum(pid => Try(() => Stat($"/proc/{pid}").Ticks)) / ClockTicksPerSecond;

    /// <summary>CPU ticks by "pid/tid", with each thread's name (".NET TP Worker", ".NET Server GC", …).</summary>
    public static Dictionary<string, (string Name, long Ticks)> ThreadTicks(IEnumerable<int> pids)
    {
        var all = new Dictionary<string, (string, long)>();
        foreach (var pid in pids)
        {
            IEnumerable<string> threads;
            try
            {
                threads = Directory.EnumerateDirectories($"/proc/{pid}/task").ToArray();
            }
            catch (IOException)
            {
                continue;
            }
            foreach (var thread in threads)
            {
                try
                {
                    all[$"{pid}/{Path.GetFileName(thread)}"] = (File.ReadAllText($"{thread}/comm").Trim(), Stat(thread).Ticks);
                }
                catch (IOException)
                {
                    // the thread ended while we looked
                }
            }
        }
        return all;
    }

    /// <summary>CPU seconds by thread name between two readings, largest first (threads that ended in between are missed).</summary>
    public static Dictionary<string, double> ThreadSecondsBetween(
        Dictionary<string, (string Name, long Ticks)> before, Dictionary<string, (string Name, long Ticks)> after)
    {
        var byName = new Dictionary<string, long>();
        foreach (var (id, (name, ticks)) in after)
        {
            byName[name] = byName.GetValueOrDefault(name) + ticks - (before.TryGetValue(id, out var b) ? b.Ticks : 0);
        }
        return byName.Where(p => p.Value > 0).OrderByDescending(p => p.Value)
            .ToDictionary(p => p.Key, p => Math.Round(p.Value / ClockTicksPerSecond, 2));
    }

    /// <summary>CPU ticks of the postmaster and its children (the backends serving the app), by pid.</summary>
    public static Dictionary<int, long> PostgresTicks(int? postmasterPid)
    {
        var ticks = new Dictionary<int, long>();
        if (postmasterPid is not { } postmaster)
        {
            return ticks;
        }
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                var (parent, t) = Stat(directory);
                if (pid == postmaster || parent == postmaster)
                {
                    ticks[pid] = t;
                }
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
        }
        return ticks;
    }

    public static double PostgresSecondsBetween(Dictionary<int, long> before, Dictionary<int, long> after) =>
        after.Sum(p => p.Value - before.GetValueOrDefault(p.Key)) / ClockTicksPerSecond;

    /// <summary>Busy core-seconds of the whole machine so far (every process, ours and others).</summary>
    public static double MachineBusySeconds()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(long.Parse).ToArray();
        var idle = cpu[3] + (cpu.Length > 4 ? cpu[4] : 0);
        return (cpu.Take(8).Sum() - idle) / ClockTicksPerSecond;
    }

    public static double OwnCpuSeconds() => Environment.CpuUsage.TotalTime.TotalSeconds;

    public static int Cores() => File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)) is var n and > 0 ? n : 1;

    private static long Try(Func<long> read)
    {
        try
        {
            return read();
        }
        catch (IOException)
        {
            return 0; // the process is gone
        }
    }
}
