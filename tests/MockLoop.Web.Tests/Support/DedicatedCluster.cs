using System.Diagnostics;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// A small PostgreSQL cluster of a test's own, which the test may stop and start again: a real database restart,
/// without disturbing the shared cluster every other test class runs on. Uses the same PostgreSQL binaries as
/// <c>./mockloop test</c> (as the "postgres" user when the tests run as root, since initdb refuses root).
/// </summary>
public sealed class DedicatedCluster : IAsyncDisposable
{
    private readonly string _dir;
    private readonly string _bin;
    private readonly int _port;
    private readonly string _password;

    private DedicatedCluster(string dir, string bin, int port, string password)
    {
        _dir = dir;
        _bin = bin;
        _port = port;
        _password = password;
    }

    /// <summary>The maintenance database, for <c>TestDatabase.CreateAsync</c> (or an app process making its own).</summary>
    public string ServerConnectionString =>
        $"Host=127.0.0.1;Port={_port};Username=mockloop;Password={_password};Database=postgres;Timeout=5;Command Timeout=10";

    public static async Task<DedicatedCluster> StartAsync()
    {
        var bin = FindBinaries();
        var dir = Path.Combine(Path.GetTempPath(), $"mockloop-cluster-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "run"));
        var password = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(Path.Combine(dir, "password"), password);
        if (IsRoot)
        {
            await RunAsync("chown", $"-R postgres {dir}", asPostgres: false);
        }
        await RunAsync(Path.Combine(bin, "initdb"),
            $"-D {dir}/data -U mockloop --pwfile={dir}/password --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --locale=C.UTF-8",
            asPostgres: true);
        var cluster = new DedicatedCluster(dir, bin, LoopbackPort.Free(), password);
        await cluster.StartServerAsync();
        return cluster;
    }

    public Task StartServerAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"),
        $"-D {_dir}/data -l {_dir}/postgres.log -o \"-p {_port} -k {_dir}/run -c listen_addresses=127.0.0.1 -c fsync=off\" -w -t 60 start",
        asPostgres: true);

    public Task StopServerAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), $"-D {_dir}/data -m fast -w -t 60 stop", asPostgres: true);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test.
        }
        Directory.Delete(_dir, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var bin = versions.Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var n) ? n : 0).LastOrDefault();
        return bin ?? throw new InvalidOperationException("PostgreSQL's initdb was not found under /usr/lib/postgresql; ./mockloop test installs it.");
    }

    private static async Task RunAsync(string program, string arguments, bool asPostgres)
    {
        var info = asPostgres && IsRoot
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
