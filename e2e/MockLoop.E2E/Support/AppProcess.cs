using System.Diagnostics;
using System.Text;
using MockLoop.Web.Tests.Support;
using Npgsql;

namespace MockLoop.E2E.Support;

/// <summary>
/// The published web app as a real process, in Production as ./mockloop run starts it, on a free loopback port, on a
/// database of its own on the test cluster (MOCKLOOP_TEST_POSTGRES, started by ./mockloop test). Restartable on the
/// same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    private readonly string? _serverConnectionString;

    /// <param name="settings">Extra environment for the app, e.g. a setting a fixture needs.</param>
    /// <param name="serverConnectionString">
    /// The PostgreSQL server to make the app's database on: by default the shared test cluster; a test that stops
    /// PostgreSQL passes a cluster of its own (<c>DedicatedCluster</c>).
    /// </param>
    public AppProcess(IReadOnlyDictionary<string, string>? settings = null, string? serverConnectionString = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        _serverConnectionString = serverConnectionString;
        Port = LoopbackPort.Free();
        DatabaseName = $"mockloop_e2e_{Guid.NewGuid():N}"[..30];
    }

    public int Port { get; }

    /// <summary>More settings for the process (environment variables), set before <see cref="StartAsync"/>.</summary>
    public Dictionary<string, string> Settings { get; } = [];
    public string DatabaseName { get; }
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}");
    public string Log { get { lock (_log) { return _log.ToString(); } } }

    private string ServerConnectionString => _serverConnectionString ??
        (Environment.GetEnvironmentVariable("MOCKLOOP_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("MOCKLOOP_TEST_POSTGRES is not set: run the tests with ./mockloop test."));

    public async Task StartAsync()
    {
        if (_process is null && !await DatabaseExistsAsync())
        {
            await using var admin = new NpgsqlConnection(ServerConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        // Exactly what ./mockloop run starts (issue 27): the published output (tools/publish.sh), from its own folder,
        // in Production. The build folder would serve no package or client asset outside Development, and a suite
        // of Development hosts once passed while the README's first command served a room whose scripts answered 500.
        var published = Environment.GetEnvironmentVariable("MOCKLOOP_PUBLISHED_APP") is { Length: > 0 } folder
            ? folder
            : throw new InvalidOperationException("MOCKLOOP_PUBLISHED_APP is not set: run the browser tests with ./mockloop test, which publishes the app.");
        var dll = Path.Combine(published, "MockLoop.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("No published app here: ./mockloop test publishes it (tools/publish.sh).", dll);
        }
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", BaseUrl.ToString().TrimEnd('/'), "--contentRoot", published },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Production, as ./mockloop run; a fixture that needs the test-only clock sets Testing (still the published
        // output: Testing maps no development-only assets either).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__MockLoop"] =
            new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = DatabaseName }.ConnectionString;
        start.Environment["Rubrics__Directory"] = Path.Combine(RepositoryFolder.Root, "rubrics");
        // Every start hosts a silo in a cluster of its own, on loopback and a free port: a restart after a kill never
        // waits for its predecessor's silo to be declared dead, and two apps never join each other.
        start.Environment["Cluster__ClusterId"] = "e2e-" + Guid.NewGuid().ToString("N")[..12];
        start.Environment["Cluster__AdvertisedAddress"] = "127.0.0.1";
        // Keys come from the run's own folder (DataProtection__KeysDirectory, inherited from ./mockloop test); they
        // are throwaway and unencrypted on purpose, so the "no XML encryptor" warning is for production only.
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.DataProtection"] = "Error";
        // Mail goes to the real smtp4dev that ./mockloop test starts.
        var smtp = Environment.GetEnvironmentVariable("MOCKLOOP_TEST_SMTP") ?? "127.0.0.1:9";
        start.Environment["Mail__Host"] = smtp[..smtp.LastIndexOf(':')];
        start.Environment["Mail__Port"] = smtp[(smtp.LastIndexOf(':') + 1)..];
        start.Environment["Mail__Security"] = "None";
        start.Environment["Mail__FromAddress"] = "mockloop@example.test";
        start.Environment["Mail__PublicBaseUrl"] = BaseUrl.ToString().TrimEnd('/');
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }
        // Every browser of the suite comes from 127.0.0.1, so the per-address form limits would trip across tests.
        foreach (var limit in new[] { "SignIn", "Register", "CreateSession", "JoinSession", "RubricUpload" })
        {
            start.Environment[$"RateLimits__{limit}"] = "100000";
        }
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) { _log.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) { _log.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Generous: on a loaded 2-core machine a restart has been seen to take over a minute.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException("The app exited during start-up:\n" + Log);
            }
            try
            {
                var response = await http.GetAsync(new Uri(BaseUrl, "/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not become healthy within 180 s:\n" + Log);
    }

    private async Task<bool> DatabaseExistsAsync()
    {
        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", DatabaseName);
        return await exists.ExecuteScalarAsync() is not null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
