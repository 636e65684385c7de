using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MockLoop.Core.Contracts;
using MockLoop.Core.Pairing;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>The lobby on two app nodes: one queue for the cluster, in the lobby grain.</summary>
public sealed class ClusterLobbyTests
{
    private const string Rubric = "ml-system-design@3";

    /// <summary>A lobby page's connection, with what the server sent it.</summary>
    private sealed class LobbyPage : IAsyncDisposable
    {
        public HubConnection Hub { get; private set; } = null!;
        public Channel<LobbyCounts> Counts { get; } = Channel.CreateUnbounded<LobbyCounts>();
        public TaskCompletionSource<LobbyMatch> Matched { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<LobbyPage> OpenAsync(MockLoopApp node, HttpClient user)
        {
            var page = new LobbyPage();
            // Registered before the start: a page gets the counts as soon as it is connected, before any call returns.
            page.Hub = await ClusterNodes.ConnectAsync(node, user, "/hubs/lobby", hub =>
            {
                hub.On<LobbyCounts>("Counts", c => page.Counts.Writer.TryWrite(c));
                hub.On<LobbyMatch>("Matched", m => page.Matched.TrySetResult(m));
            });
            return page;
        }

        public async Task<LobbyCounts> CountsUntilAsync(Func<LobbyCounts, bool> wanted)
        {
            using var limit = new CancellationTokenSource(Until.GiveUpAfter);
            while (true)
            {
                var counts = await Counts.Reader.ReadAsync(limit.Token);
                if (wanted(counts))
                {
                    return counts;
                }
            }
        }

        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_of_joins_and_leaves_on_one_node_reaches_the_other_nodes_pages_as_one_broadcast_now_and_one_with_the_final_counts()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cluster = await ClusterNodes.StartAsync(2, clock);
        var (nodeA, nodeB) = (cluster.Nodes[0], cluster.Nodes[1]);
        var mover = await FormPosts.NewUserAsync(nodeA, "Mover");
        var watcher = await FormPosts.NewUserAsync(nodeB, "Watcher");
        await using var watching = await LobbyPage.OpenAsync(nodeB, watcher);
        await using var moving = await LobbyPage.OpenAsync(nodeA, mover);
        await watching.CountsUntilAsync(_ => true); // what a page gets on opening

        for (var i = 0; i < 10; i++)
        {
            await moving.Hub.InvokeAsync<LobbyJoinResult>("Join", "candidate", Rubric, "");
            await moving.Hub.InvokeAsync("Leave");
        }
        await moving.Hub.InvokeAsync<LobbyJoinResult>("Join", "candidate", Rubric, "");
        // Time has not moved: only the first change went out. The interval ends and the rest goes as one.
        var first = await watching.CountsUntilAsync(_ => true);
        clock.Advance(CountsThrottle.Interval);
        var last = await watching.CountsUntilAsync(_ => true);

        Assert.Equal(new LobbyCounts(1, 0, 0), first);
        Assert.Equal(new LobbyCounts(1, 0, 0), last);
        // The grain sends to a node in order, so whatever it sent before the last broadcast has arrived by now.
        Assert.False(watching.Counts.Reader.TryRead(out var extra), $"Another broadcast arrived: {extra}");
    }

    [Fact]
    public async Task A_candidate_on_one_node_is_paired_with_an_interviewer_on_another()
    {
        await using var cluster = await ClusterNodes.StartAsync(2);
        var (nodeA, nodeB) = (cluster.Nodes[0], cluster.Nodes[1]);
        var cal = await FormPosts.NewUserAsync(nodeA, "Cal");
        var ivy = await FormPosts.NewUserAsync(nodeB, "Ivy");
        await using var calPage = await LobbyPage.OpenAsync(nodeA, cal);
        await using var ivyPage = await LobbyPage.OpenAsync(nodeB, ivy);

        var waiting = await calPage.Hub.InvokeAsync<LobbyJoinResult>("Join", "candidate", Rubric, "fraud-detection");
        Assert.True(waiting.Ok);
        // The other node's page hears about the waiting candidate.
        await ivyPage.CountsUntilAsync(c => c.Candidates == 1);
        var joined = await ivyPage.Hub.InvokeAsync<LobbyJoinResult>("Join", "interviewer", Rubric, "");
        Assert.True(joined.Ok);

        using var limit = new CancellationTokenSource(Until.GiveUpAfter);
        var forCal = await calPage.Matched.Task.WaitAsync(limit.Token);
        var forIvy = await ivyPage.Matched.Task.WaitAsync(limit.Token);
        Assert.Equal(forCal.SessionUrl, forIvy.SessionUrl);
        Assert.Equal(("Candidate", "Interviewer"), (forCal.Role, forIvy.Role));

        await using var scope = nodeA.Services.CreateAsyncScope();
        var id = Guid.Parse(forCal.SessionUrl["/s/".Length..]);
        var session = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sessions.SingleAsync(s => s.Id == id);
        Assert.Equal("fraud-detection", session.CaseId);
        Assert.NotNull(session.InterviewerId);
        Assert.NotNull(session.CandidateId);
        await calPage.CountsUntilAsync(c => c == new LobbyCounts(0, 0, 0));
    }

    [Fact]
    public async Task Leaving_the_queue_on_one_node_takes_the_person_out_for_every_node()
    {
        await using var cluster = await ClusterNodes.StartAsync(2);
        var ann = await FormPosts.NewUserAsync(cluster.Nodes[0], "Ann");
        var ben = await FormPosts.NewUserAsync(cluster.Nodes[1], "Ben");
        await using var benPage = await LobbyPage.OpenAsync(cluster.Nodes[1], ben);
        var annPage = await LobbyPage.OpenAsync(cluster.Nodes[0], ann);
        Assert.True((await annPage.Hub.InvokeAsync<LobbyJoinResult>("Join", "interviewer", Rubric, "")).Ok);
        await benPage.CountsUntilAsync(c => c.Interviewers == 1);

        // What the lobby page does when it is closed on purpose (a dropped connection keeps the place: LobbyAwayTests).
        await annPage.Hub.InvokeAsync("Leave");
        await annPage.DisposeAsync();

        await benPage.CountsUntilAsync(c => c.Interviewers == 0);
    }

    [Fact]
    public async Task When_the_node_holding_the_lobby_stops_a_waiting_user_stays_queued_and_is_paired_across_the_survivors()
    {
        // node1 starts first, so the lobby grain lives there.
        await using var cluster = await ClusterNodes.StartAsync(3);
        var (node1, node2, node3) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        var cal = await FormPosts.NewUserAsync(node2, "Cal");
        await using var calPage = await LobbyPage.OpenAsync(node2, cal);
        Assert.True((await calPage.Hub.InvokeAsync<LobbyJoinResult>("Join", "candidate", Rubric, "")).Ok);

        await ((IAsyncLifetime)node1).DisposeAsync();
        cluster.Nodes.Remove(node1);

        var ivy = await FormPosts.NewUserAsync(node3, "Ivy");
        await using var ivyPage = await LobbyPage.OpenAsync(node3, ivy);
        LobbyJoinResult joined;
        do
        {
            joined = await ivyPage.Hub.InvokeAsync<LobbyJoinResult>("Join", "interviewer", Rubric, "");
            Assert.True(joined.Ok || joined.Code == "unavailable", joined.Error);
        }
        while (!joined.Ok);
        using var limit = new CancellationTokenSource(Until.GiveUpAfter);
        var forCal = await calPage.Matched.Task.WaitAsync(limit.Token);
        var forIvy = await ivyPage.Matched.Task.WaitAsync(limit.Token);
        Assert.Equal(forCal.SessionUrl, forIvy.SessionUrl);
    }
}
