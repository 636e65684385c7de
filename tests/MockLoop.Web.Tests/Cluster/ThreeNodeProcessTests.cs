using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Web.Lobby;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// Three real node processes on one database, as `./mockloop run --nodes 3` runs them (without nginx: each client
/// talks to the node the test picks). Lean on purpose: one cluster start, one scenario.
/// </summary>
public sealed class ThreeNodeProcessTests
{
    private const string Rubric = "ml-system-design@2";

    [Fact]
    public async Task Lobby_pairs_across_nodes_and_survives_a_kill_9_of_the_node_holding_it()
    {
        await using var database = await TestDatabase.CreateAsync("nodes");
        var keys = Directory.CreateTempSubdirectory("mockloop-keys-");
        var clusterId = "proc-" + Guid.NewGuid().ToString("N")[..8];
        // node1 starts alone and migrates; the lobby grain is placed on the first node that calls it: node1.
        await using var node1 = NodeProcess.Start("node1", database, clusterId, keys.FullName);
        await node1.UntilSeesAsync(1);
        await using var node2 = NodeProcess.Start("node2", database, clusterId, keys.FullName);
        await using var node3 = NodeProcess.Start("node3", database, clusterId, keys.FullName);
        foreach (var node in new[] { node1, node2, node3 })
        {
            await node.UntilSeesAsync(3);
        }

        // Across nodes, before any failure: Ann on node2 and Bob on node3 are paired.
        var (_, annCookies) = await node2.NewUserAsync("Ann");
        var (_, bobCookies) = await node3.NewUserAsync("Bob");
        var ann = await LobbyClient.OpenAsync(node2, annCookies);
        var bob = await LobbyClient.OpenAsync(node3, bobCookies);
        Assert.True((await ann.JoinAsync("candidate")).Ok);
        Assert.True((await bob.JoinAsync("interviewer")).Ok);
        var forAnn = await ann.MatchedAsync();
        var forBob = await bob.MatchedAsync();
        Assert.Equal(forAnn.SessionUrl, forBob.SessionUrl);
        Assert.Equal(("Candidate", "Interviewer"), (forAnn.Role, forBob.Role));

        // Cal waits on node2; node1, which holds the lobby grain, is killed outright.
        var (_, calCookies) = await node2.NewUserAsync("Cal");
        var cal = await LobbyClient.OpenAsync(node2, calCookies);
        Assert.True((await cal.JoinAsync("candidate")).Ok);
        node1.Kill();
        await node2.UntilSeesAsync(2);
        await node3.UntilSeesAsync(2);

        // Ivy arrives on node3. The lobby restarts on a survivor, node2 re-announces Cal, and the two are paired.
        var (_, ivyCookies) = await node3.NewUserAsync("Ivy");
        var ivy = await LobbyClient.OpenAsync(node3, ivyCookies);
        LobbyJoinResult joined;
        do
        {
            joined = await ivy.JoinAsync("interviewer");
            Assert.True(joined.Ok || joined.Code == "unavailable", joined.Error);
            if (!joined.Ok)
            {
                await Task.Delay(200);
            }
        }
        while (!joined.Ok);
        var (forCal, forIvy) = await WithLogsOnFailureAsync(async () => (await cal.MatchedAsync(), await ivy.MatchedAsync()), node2, node3);
        Assert.Equal(forCal.SessionUrl, forIvy.SessionUrl);
        Assert.NotEqual(forAnn.SessionUrl, forCal.SessionUrl);
        Assert.Equal(("Candidate", "Interviewer"), (forCal.Role, forIvy.Role));

        foreach (var client in new[] { ann, bob, cal, ivy })
        {
            await client.DisposeAsync();
        }
        keys.Delete(recursive: true);
    }

    /// <summary>A failure here is about the cluster's behaviour: show what the surviving nodes logged.</summary>
    private static async Task<T> WithLogsOnFailureAsync<T>(Func<Task<T>> step, params NodeProcess[] nodes)
    {
        try
        {
            return await step();
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("Gave up waiting. Node logs:\n" + string.Join("\n", nodes.Select(n => $"--- {n.Name}\n{n.Log}")));
        }
    }

    private sealed class LobbyClient : IAsyncDisposable
    {
        private readonly Channel<LobbyMatch> _matches = Channel.CreateUnbounded<LobbyMatch>();
        private HubConnection _hub = null!;

        public static async Task<LobbyClient> OpenAsync(NodeProcess node, System.Net.CookieContainer cookies)
        {
            var client = new LobbyClient();
            client._hub = await node.ConnectAsync(cookies, "/hubs/lobby");
            client._hub.On<LobbyMatch>("Matched", m => client._matches.Writer.TryWrite(m));
            return client;
        }

        public Task<LobbyJoinResult> JoinAsync(string role) => _hub.InvokeAsync<LobbyJoinResult>("Join", role, Rubric, "");

        public async Task<LobbyMatch> MatchedAsync()
        {
            using var limit = new CancellationTokenSource(Until.GiveUpAfter);
            return await _matches.Reader.ReadAsync(limit.Token);
        }

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
    }
}
