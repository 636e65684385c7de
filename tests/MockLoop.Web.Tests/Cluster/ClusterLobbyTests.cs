using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Lobby;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>The lobby on two app nodes: one queue for the cluster, in the lobby grain.</summary>
public sealed class ClusterLobbyTests
{
    private const string Rubric = "ml-system-design@2";

    /// <summary>A lobby page's connection, with what the server sent it.</summary>
    private sealed class LobbyPage : IAsyncDisposable
    {
        public required HubConnection Hub { get; init; }
        public Channel<LobbyCounts> Counts { get; } = Channel.CreateUnbounded<LobbyCounts>();
        public TaskCompletionSource<LobbyMatch> Matched { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<LobbyPage> OpenAsync(MockLoopApp node, HttpClient user)
        {
            var hub = await ClusterNodes.ConnectAsync(node, user, "/hubs/lobby");
            var page = new LobbyPage { Hub = hub };
            hub.On<LobbyCounts>("Counts", c => page.Counts.Writer.TryWrite(c));
            hub.On<LobbyMatch>("Matched", m => page.Matched.TrySetResult(m));
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
    public async Task Closing_the_last_lobby_page_leaves_the_queue_for_every_node()
    {
        await using var cluster = await ClusterNodes.StartAsync(2);
        var ann = await FormPosts.NewUserAsync(cluster.Nodes[0], "Ann");
        var ben = await FormPosts.NewUserAsync(cluster.Nodes[1], "Ben");
        await using var benPage = await LobbyPage.OpenAsync(cluster.Nodes[1], ben);
        var annPage = await LobbyPage.OpenAsync(cluster.Nodes[0], ann);
        Assert.True((await annPage.Hub.InvokeAsync<LobbyJoinResult>("Join", "interviewer", Rubric, "")).Ok);
        await benPage.CountsUntilAsync(c => c.Interviewers == 1);

        await annPage.DisposeAsync();

        await benPage.CountsUntilAsync(c => c.Interviewers == 0);
    }
}
