using MockLoop.Web.Client;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// Several app nodes in this process, each hosting an Orleans silo, clustered through our membership table on one
/// shared database: what `./mockloop run --nodes N` runs as processes.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private ClusterNodes(TestDatabase database, List<MockLoopApp> nodes)
    {
        Database = database;
        Nodes = nodes;
    }

    public TestDatabase Database { get; }
    public List<MockLoopApp> Nodes { get; }

    /// <param name="clock">Every node's TimeProvider (tests that move time use one fake clock for all nodes).</param>
    /// <param name="server">Another PostgreSQL server for the cluster's database (a DedicatedCluster the test stops).</param>
    public static async Task<ClusterNodes> StartAsync(int count, TimeProvider? clock = null, string? server = null)
    {
        var database = await TestDatabase.CreateAsync("cluster", server);
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var nodes = new List<MockLoopApp>();
        for (var i = 0; i < count; i++)
        {
            var name = $"node{i + 1}";
            // Free silo ports and no gateway: the defaults.
            nodes.Add(await MockLoopApp.StartOnAsync(database, web => web
                .UseSetting("Cluster:ClusterId", clusterId)
                .UseSetting("Cluster:NodeName", name), clock));
        }
        var cluster = new ClusterNodes(database, nodes);
        foreach (var node in nodes)
        {
            await Until.TrueAsync(async () => await ActiveSilosAsync(node) == count);
        }
        return cluster;
    }

    public static async Task<int> ActiveSilosAsync(MockLoopApp node)
    {
        var health = JsonNode.Parse(await node.CreateClient().GetStringAsync("/healthz"))!;
        return health["activeSilos"]?.GetValue<int>() ?? 0;
    }

    /// <summary>A real SignalR client on <paramref name="node"/>, signed in as <paramref name="user"/>, over WebSockets.</summary>
    /// <param name="beforeStart">Handlers to register before the connection starts (the server may send at once).</param>
    public static async Task<HubConnection> ConnectAsync(MockLoopApp node, HttpClient user, string path, Action<HubConnection>? beforeStart = null)
    {
        var cookie = node.CookieHeaderFor(user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, path), options =>
            {
                options.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                options.Headers["Cookie"] = cookie ?? "";
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true; // as the room connects: one request, any node
                options.WebSocketFactory = async (context, ct) =>
                {
                    var ws = node.Server.CreateWebSocketClient();
                    ws.ConfigureRequest = request => request.Headers["Cookie"] = cookie ?? "";
                    return await ws.ConnectAsync(context.Uri, ct);
                };
            })
            .Build()
            .WithMockLoopTimings();
        beforeStart?.Invoke(connection);
        await connection.StartAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes)
        {
            await ((IAsyncLifetime)node).DisposeAsync();
        }
        await Database.DisposeAsync();
    }
}

/// <summary>Polls a condition the cluster reaches on its own; fails after a generous limit (never a speed check).</summary>
public static class Until
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    /// <summary>Real processes starting on a loaded 2-core machine: allow them minutes, not seconds.</summary>
    public static readonly TimeSpan ProcessesGiveUpAfter = TimeSpan.FromMinutes(3);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? giveUpAfter = null)
    {
        var limit = giveUpAfter ?? GiveUpAfter;
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {limit}.");
            }
            await Task.Delay(100);
        }
    }
}
