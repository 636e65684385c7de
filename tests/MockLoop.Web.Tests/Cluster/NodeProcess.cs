using MockLoop.Web.Client;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Core.Contracts;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// One app node as a real process (the built MockLoop.Web.dll), clustered with the others through the database:
/// what `./mockloop run --nodes N` starts. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Process _process;

    private NodeProcess(string name, int port, Process process)
    {
        Name = name;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _process = process;
    }

    public string Name { get; }
    public Uri BaseUrl { get; }
    public string Log { get { lock (_log) { return _log.ToString(); } } }

    public static NodeProcess Start(string name, TestDatabase database, string clusterId, string keysDirectory)
    {
        var web = Path.Combine(RepositoryFolder.Root, "src", "MockLoop.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "MockLoop.Web.dll");
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", web },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__MockLoop"] = database.ConnectionString;
        start.Environment["Rubrics__Directory"] = Path.Combine(RepositoryFolder.Root, "rubrics");
        start.Environment["DataProtection__KeysDirectory"] = keysDirectory;
        start.Environment["Cluster__ClusterId"] = clusterId;
        start.Environment["Cluster__NodeName"] = name;
        start.Environment["Cluster__AdvertisedAddress"] = "127.0.0.1";
        var smtp = Support.TestMailServer.SmtpEndpoint;
        start.Environment["Mail__Host"] = smtp.Host;
        start.Environment["Mail__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Mail__Security"] = "None";
        start.Environment["Mail__FromAddress"] = "mockloop@example.test";
        start.Environment["Mail__PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__MockLoop"] = "Information";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new NodeProcess(name, port, process);
        process.OutputDataReceived += (_, e) => node.Append(e.Data);
        process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log) { _log.AppendLine(line); }
        }
    }

    /// <summary>Waits until this node answers /healthz and sees <paramref name="silos"/> active silos.</summary>
    public async Task UntilSeesAsync(int silos)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Until.TrueAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited:\n{Log}");
            }
            try
            {
                var health = JsonNode.Parse(await http.GetStringAsync(new Uri(BaseUrl, "/healthz")))!;
                return health["activeSilos"]?.GetValue<int>() == silos;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false; // not listening yet
            }
        }, Until.ProcessesGiveUpAfter);
    }

    /// <summary>A new user registered through this node's form and confirmed through the mailed link, with a cookie jar like a browser's.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies)> NewUserAsync(string displayName)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = BaseUrl };
        var email = $"{displayName.ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..12]}@example.test";
        await FormPosts.RegisterAndConfirmAsync(client, email, displayName);
        return (client, cookies);
    }

    /// <summary>A real SignalR client over WebSockets to this node.</summary>
    public Task<HubConnection> ConnectAsync(CookieContainer cookies, string path, Action<HubConnection>? handlers = null) =>
        ConnectAsync(BaseUrl, cookies, path, handlers: handlers);

    /// <summary>
    /// A real SignalR client as the room connects: one WebSocket request, no negotiate request before it, so whatever
    /// node <paramref name="baseUrl"/> routes it to serves it whole. <paramref name="handlers"/> are registered before
    /// the start, so nothing sent early is missed. On the interview hub this returns once RoomState has arrived, as the
    /// room waits for it: StartAsync ends at the handshake, before the hub's OnConnectedAsync has put the connection in
    /// the session's groups, and an event published in between never reaches it.
    /// </summary>
    public static async Task<HubConnection> ConnectAsync(
        Uri baseUrl, CookieContainer cookies, string path, bool skipNegotiation = true, Action<HubConnection>? handlers = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, path), options =>
            {
                options.Cookies = cookies;
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = skipNegotiation;
            })
            .Build()
            .WithMockLoopTimings();
        handlers?.Invoke(connection);
        var inGroups = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<System.Text.Json.JsonElement>(nameof(IRoomClient.RoomState), _ => inGroups.TrySetResult());
        await connection.StartAsync();
        if (path.StartsWith("/hubs/interview", StringComparison.Ordinal))
        {
            await inGroups.Task.WaitAsync(Until.GiveUpAfter);
        }
        return connection;
    }

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
