using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Core.Contracts;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// Three real node processes on one database, as `./mockloop run --nodes 3` runs them (without nginx: each client
/// talks to the node the test picks). Lean on purpose: one cluster start, one scenario.
/// </summary>
public sealed class ThreeNodeProcessTests
{
    private const string Rubric = "ml-system-design@3";

    [Fact]
    public async Task Lobby_pairs_across_nodes_and_a_session_survives_a_kill_9_of_the_node_holding_it()
    {
        // node1 holds the lobby grain: it starts alone and is the first to call it.
        await using var cluster = await ThreeNodeProcesses.StartAsync("nodes");
        var (node1, node2, node3) = (cluster.Node1, cluster.Node2, cluster.Node3);

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

        // Ann (node2) and Bob (node3) open their room. Bob is first, so the session's grain starts on node3.
        var sessionPath = $"/hubs/interview?session={forAnn.SessionUrl.Split('/').Last()}";
        await using var bobRoom = await RoomClient.OpenAsync(node3, bobCookies, sessionPath);
        await using var annRoom = await RoomClient.OpenAsync(node2, annCookies, sessionPath);
        var acked = new List<(long Seq, string NodeId)>();
        Assert.True((await annRoom.ChatAsync("Hello from node2", "ann-1")).Ok);
        Assert.True((await bobRoom.ChatAsync("Hello from node3", "bob-1")).Ok);
        for (var i = 1; i <= 10; i++)
        {
            acked.Add((await annRoom.AddNodeUntilAckedAsync(i), $"n{i}"));
        }
        await bobRoom.UntilSeenAsync(acked[^1].Seq);

        // The session's only grain is on node3, the node about to be killed (else the kill would test nothing).
        Assert.Equal((0, 1), (await ThreeNodeProcesses.LiveSessionsOnAsync(node2), await ThreeNodeProcesses.LiveSessionsOnAsync(node3)));

        // In the middle of Ann's edits, node3 (the session's grain, and Bob's connection) is killed outright. She keeps
        // editing until five more are acknowledged after the kill, so the session provably carried on elsewhere, and
        // the op in flight at the kill is caught by it (answered "unavailable" and resent, or resent by the node).
        var more = new System.Collections.Concurrent.ConcurrentQueue<(long Seq, string NodeId)>();
        var ackedAtKill = -1;
        var editing = Task.Run(async () =>
        {
            for (var i = 11; Volatile.Read(ref ackedAtKill) < 0 || more.Count < Volatile.Read(ref ackedAtKill) + 5; i++)
            {
                more.Enqueue((await annRoom.AddNodeUntilAckedAsync(i), $"n{i}"));
            }
        });
        await Until.TrueAsync(() => Task.FromResult(more.Count >= 5 || editing.IsCompleted));
        node3.Kill();
        Volatile.Write(ref ackedAtKill, more.Count);

        // Bob comes back through the survivor at once, while the session is still moving (issue 24: the connect was
        // closed with an error then). His connection is let in with no error, and he resumes from his last seq.
        var bobLast = bobRoom.LastSeen;
        await using var bobAgain = await WithLogsOnFailureAsync(() => RoomClient.OpenAsync(node2, bobCookies, sessionPath), node2);
        await WithLogsOnFailureAsync(async () => { await editing; return true; }, node2);
        Assert.True(more.Count >= ackedAtKill + 5, $"{more.Count} ops acknowledged, {ackedAtKill} of them before the kill");
        acked.AddRange(more);

        // Both carry on, on node2's new grain.
        var bobChat = await bobAgain.ChatUntilAckedAsync("Back on node2", "bob-2");
        var last = Math.Max(bobChat, acked.Max(a => a.Seq));
        Assert.Equal(1, await ThreeNodeProcesses.LiveSessionsOnAsync(node2));
        var missed = await bobAgain.SyncEventsAsync(bobLast);
        Assert.Equal(Enumerable.Range((int)bobLast + 1, (int)(last - bobLast)).Select(i => (long)i), missed.Select(e => e.Seq));
        var log = await bobAgain.SyncEventsAsync(0);
        Assert.Equal(Enumerable.Range(1, (int)last).Select(i => (long)i), log.Select(e => e.Seq));
        var nodesAdded = log.Where(e => e.Kind == "diagram").Select(e => e.NodeId).ToList();
        Assert.Equal(acked.Select(a => a.NodeId).Order(), nodesAdded.Order());
        Assert.All(acked, a => Assert.Equal(a.NodeId, log.Single(e => e.Seq == a.Seq).NodeId));
        await annRoom.UntilSeenAsync(bobChat);
        Assert.Null(bobAgain.ClosedWith);
        Assert.Null(annRoom.ClosedWith);

        foreach (var client in new[] { ann, bob, cal, ivy })
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>A participant's room connection to one node, keeping the events it is sent.</summary>
    private sealed class RoomClient : IAsyncDisposable
    {
        /// <summary>Set when the connection closed before the test disposed it ("Connection closed with an error").</summary>
        public Exception? ClosedWith { get; private set; }

        private readonly List<long> _seen = [];
        private HubConnection _hub = null!;

        public static async Task<RoomClient> OpenAsync(NodeProcess node, System.Net.CookieContainer cookies, string path)
        {
            var client = new RoomClient();
            client._hub = await node.ConnectAsync(cookies, path, hub =>
            {
                hub.On<System.Text.Json.JsonElement>("Event", e =>
                {
                    lock (client._seen)
                    {
                        client._seen.Add(e.GetProperty("seq").GetInt64());
                    }
                });
                hub.Closed += error =>
                {
                    client.ClosedWith = error ?? new InvalidOperationException("Closed by the server.");
                    return Task.CompletedTask;
                };
            });
            return client;
        }

        public Task<CommandResult> ChatAsync(string text, string clientId) => _hub.InvokeAsync<CommandResult>("SendChat", text, clientId);

        public async Task<long> ChatUntilAckedAsync(string text, string clientId) =>
            await UntilAckedAsync(() => ChatAsync(text, clientId));

        /// <summary>Adds node n{i}, resending the same op (same id) while the answer is "unavailable", as the room does.</summary>
        public Task<long> AddNodeUntilAckedAsync(int i) => UntilAckedAsync(() => _hub.InvokeAsync<CommandResult>("SubmitOp", new
        {
            type = "addNode", opId = $"op-{i}",
            node = new { id = $"n{i}", componentType = "client", label = $"Client {i}", x = 10 * i, y = 20, width = 160, height = 60 },
        }));

        private static async Task<long> UntilAckedAsync(Func<Task<CommandResult>> send)
        {
            var deadline = DateTime.UtcNow + Until.GiveUpAfter;
            while (true)
            {
                var result = await send();
                if (result.Ok)
                {
                    return result.Seq!.Value;
                }
                Assert.Equal(CommandCodes.Unavailable, result.Code);
                Assert.True(DateTime.UtcNow < deadline, "The session stayed unavailable.");
                await Task.Delay(100);
            }
        }

        public long LastSeen
        {
            get
            {
                lock (_seen)
                {
                    return _seen.Count == 0 ? 0 : _seen.Max();
                }
            }
        }

        public async Task UntilSeenAsync(long seq) => await Until.TrueAsync(() =>
        {
            lock (_seen)
            {
                return Task.FromResult(_seen.Contains(seq));
            }
        });

        public async Task<List<(long Seq, string Kind, string? NodeId)>> SyncEventsAsync(long lastSeq)
        {
            var sync = await _hub.InvokeAsync<System.Text.Json.JsonElement>("Sync", lastSeq);
            return sync.GetProperty("events").EnumerateArray().Select(e => (
                e.GetProperty("seq").GetInt64(), e.GetProperty("kind").GetString()!,
                e.TryGetProperty("op", out var op) && op.ValueKind == System.Text.Json.JsonValueKind.Object
                    ? op.GetProperty("node").GetProperty("id").GetString() : null)).ToList();
        }

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
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
            client._hub = await node.ConnectAsync(cookies, "/hubs/lobby", hub => hub.On<LobbyMatch>("Matched", m => client._matches.Writer.TryWrite(m)));
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
