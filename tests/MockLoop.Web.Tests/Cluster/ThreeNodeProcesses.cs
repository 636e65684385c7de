using System.Globalization;
using System.Text.RegularExpressions;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// Three real node processes clustered on one database of their own, as `./mockloop run --nodes 3` starts them:
/// node1 first and alone (it migrates, and the lobby grain is placed on the first node that calls it: node1), then
/// node2 and node3; ready once every node sees all three silos. Disposing kills what still runs and drops the rest.
/// </summary>
public sealed partial class ThreeNodeProcesses : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly DirectoryInfo _keys;

    private ThreeNodeProcesses(TestDatabase database, DirectoryInfo keys, NodeProcess node1, NodeProcess node2, NodeProcess node3)
    {
        _database = database;
        _keys = keys;
        (Node1, Node2, Node3) = (node1, node2, node3);
    }

    public NodeProcess Node1 { get; }
    public NodeProcess Node2 { get; }
    public NodeProcess Node3 { get; }

    public static async Task<ThreeNodeProcesses> StartAsync(string prefix)
    {
        var database = await TestDatabase.CreateAsync(prefix);
        // One key ring for the three, as a deployment shares it: a cookie issued by one node is read by the others.
        var keys = Directory.CreateTempSubdirectory("mockloop-keys-");
        var clusterId = prefix + "-" + Guid.NewGuid().ToString("N")[..8];
        var node1 = NodeProcess.Start("node1", database, clusterId, keys.FullName);
        NodeProcess? node2 = null, node3 = null;
        try
        {
            await node1.UntilSeesAsync(1);
            node2 = NodeProcess.Start("node2", database, clusterId, keys.FullName);
            node3 = NodeProcess.Start("node3", database, clusterId, keys.FullName);
            foreach (var node in new[] { node1, node2, node3 })
            {
                await node.UntilSeesAsync(3);
            }
            return new ThreeNodeProcesses(database, keys, node1, node2, node3);
        }
        catch
        {
            foreach (var node in new[] { node1, node2, node3 })
            {
                if (node is not null)
                {
                    await node.DisposeAsync();
                }
            }
            keys.Delete(recursive: true);
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>The live sessions (session grains) <paramref name="node"/> holds, from its /metrics.</summary>
    public static async Task<int> LiveSessionsOnAsync(NodeProcess node)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var metrics = await http.GetStringAsync(new Uri(node.BaseUrl, "/metrics"));
        var gauge = LiveSessionsGauge().Match(metrics);
        return gauge.Success ? (int)double.Parse(gauge.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^mockloop_live_sessions(?:\{[^}]*\})? (\S+)", RegexOptions.Multiline)]
    private static partial Regex LiveSessionsGauge();

    public async ValueTask DisposeAsync()
    {
        foreach (var node in new[] { Node1, Node2, Node3 })
        {
            await node.DisposeAsync();
        }
        _keys.Delete(recursive: true);
        await _database.DisposeAsync();
    }
}
