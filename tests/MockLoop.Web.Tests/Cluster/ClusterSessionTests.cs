using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Contracts;
using MockLoop.Web.Rooms.Grains;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// A live session on its grain, with its two participants on two other nodes of an in-process
/// three-node cluster: what each sees, in order and once, and what happens when the grain's node stops.
/// </summary>
public sealed class ClusterSessionTests
{
    private sealed record Room(Guid Id, RoomHub Interviewer, RoomHub Candidate, HttpClient CandidateClient) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Interviewer.DisposeAsync();
            await Candidate.DisposeAsync();
        }
    }

    /// <summary>The interviewer on <paramref name="a"/>, the candidate on <paramref name="b"/>, the grain on <paramref name="home"/>.</summary>
    private static async Task<Room> OpenAsync(MockLoopApp home, MockLoopApp a, MockLoopApp b)
    {
        var interviewer = await FormPosts.NewUserAsync(a, "Ivy Interviewer");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer");
        var candidate = await FormPosts.NewUserAsync(b, "Cal Candidate");
        await FormPosts.JoinAsync(candidate, id);
        // A session's grain starts on the node that first asks for it (PreferLocalPlacement).
        Assert.Null(await home.Services.GetRequiredService<IGrainFactory>().GetGrain<ISessionGrain>(id).Sync(Guid.Empty, -1));
        var interviewerHub = await RoomHub.ConnectAsync(a, interviewer, $"session={id}");
        var candidateHub = await RoomHub.ConnectAsync(b, candidate, $"session={id}");
        await interviewerHub.ExpectAsync("RoomState");
        await candidateHub.ExpectAsync("RoomState");
        // Else a test of what happens when the grain's node stops would stop another node and prove nothing.
        Assert.Equal(1, home.Services.GetRequiredService<SessionGrainCount>().Active);
        return new Room(id, interviewerHub, candidateHub, candidate);
    }

    private static object AddNode(string opId, string nodeId) => Commander.AddNode(opId, nodeId);

    /// <summary>Sends until acknowledged: a change caught by a failover is answered "unavailable" and sent again.</summary>
    private static async Task<long> AckedAsync(RoomHub hub, string method, params object?[] args)
    {
        var deadline = DateTime.UtcNow + Until.GiveUpAfter;
        while (true)
        {
            CommandResult result;
            try
            {
                result = await hub.CommandAsync(method, args);
            }
            catch (Microsoft.AspNetCore.SignalR.HubException ex)
            {
                throw new InvalidOperationException($"{method} failed with a generic error: {ex.Message}");
            }
            if (result.Ok)
            {
                return result.Seq!.Value;
            }
            Assert.Equal(CommandCodes.Unavailable, result.Code);
            Assert.True(DateTime.UtcNow < deadline, $"{method} stayed unavailable.");
            await Task.Delay(100);
        }
    }

    private static async Task<List<long>> SeqsSeenAsync(RoomHub hub, long upTo)
    {
        await Until.TrueAsync(() => Task.FromResult(hub.Events.Any(e => e.GetProperty("seq").GetInt64() == upTo)));
        return hub.Events.Select(e => e.GetProperty("seq").GetInt64()).ToList();
    }

    [Fact]
    public async Task Participants_on_two_nodes_draw_chat_and_score_and_each_sees_every_entry_once_in_order()
    {
        await using var cluster = await ClusterNodes.StartAsync(3);
        await using var room = await OpenAsync(cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        var rubric = (await room.Interviewer.CallAsync("Sync", -1))!["snapshot"]!["rubric"]!["steps"]![0]!;
        var stepId = rubric["id"]!.GetValue<string>();
        var criterionId = rubric["criteria"]![0]!["id"]!.GetValue<string>();

        var drawn = await AckedAsync(room.Candidate, "SubmitOp", AddNode("op-1", "n1"));
        var asked = await AckedAsync(room.Candidate, "SendChat", "Who are the users?", "c-1");
        var noted = await AckedAsync(room.Interviewer, "SaveNote", stepId, "asks early", "i-1");
        var scored = await AckedAsync(room.Interviewer, "ScoreCriterionMarks", stepId, criterionId, 3, null, false, Array.Empty<int>(), "i-2");
        var answered = await AckedAsync(room.Interviewer, "SendChat", "Riders and drivers", "i-3");

        Assert.Equal([1L, 2L, 3L, 4L, 5L], new[] { drawn, asked, noted, scored, answered });
        Assert.Equal([1L, 2L, 3L, 4L, 5L], await SeqsSeenAsync(room.Interviewer, 5));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], await SeqsSeenAsync(room.Candidate, 5));
        Assert.Equal("n1", (await room.Interviewer.EventAsync(drawn)).GetProperty("op").GetProperty("node").GetProperty("id").GetString());
        Assert.Equal("Who are the users?", (await room.Interviewer.EventAsync(asked)).GetProperty("chat").GetProperty("text").GetString());
        // Interviewer-only entries reach the candidate's node as bare sequence numbers.
        var noteForCandidate = await room.Candidate.EventAsync(noted);
        var scoreForCandidate = await room.Candidate.EventAsync(scored);
        Assert.Equal("private", noteForCandidate.GetProperty("kind").GetString());
        Assert.Equal("private", scoreForCandidate.GetProperty("kind").GetString());
        Assert.DoesNotContain("asks early", noteForCandidate.GetRawText());
        Assert.Equal("asks early", (await room.Interviewer.EventAsync(noted)).GetProperty("note").GetProperty("text").GetString());

        // Volatile traffic crosses nodes too, and presence lives with the session.
        await room.Candidate.Connection.SendAsync("Cursor", 12.5, 40.0);
        var cursor = await room.Interviewer.ExpectAsync("PeerCursor");
        Assert.Equal(12.5, cursor["x"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_node_stopped_gracefully_hands_its_session_over_with_no_unavailable_answer_to_anyone()
    {
        await using var cluster = await ClusterNodes.StartAsync(3);
        var (home, other, spare) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        // The grain on home; the interviewer on another node, the candidate on home itself.
        await using var room = await OpenAsync(home, other, home);
        var candidateCookie = home.CookieHeaderFor(room.CandidateClient);

        using var stop = new CancellationTokenSource();
        var interviewer = new Commander("i", room.Interviewer);
        var candidate = new Commander("c", room.Candidate, reconnect: () => RoomHub.ConnectAsync(spare, null, $"session={room.Id}", cookieHeader: candidateCookie));
        var flowing = new[] { interviewer.RunAsync(stop.Token), candidate.RunAsync(stop.Token) };
        await Until.TrueAsync(() => Task.FromResult(interviewer.Acked.Count >= 3 && candidate.Acked.Count >= 3));

        await ((IAsyncLifetime)home).DisposeAsync();
        cluster.Nodes.Remove(home);

        // Both go on after the handover: the candidate from spare, where its client reconnected.
        var (interviewerBefore, candidateBefore) = (interviewer.Acked.Count, candidate.Acked.Count);
        await Until.TrueAsync(() => Task.FromResult(interviewer.Acked.Count >= interviewerBefore + 3 && candidate.Acked.Count >= candidateBefore + 3));
        await stop.CancelAsync();
        await Task.WhenAll(flowing);
        var last = Math.Max(interviewer.Acked.Max(), candidate.Acked.Max());
        await candidate.Hub.EventAsync(last);
        candidate.ApplyLive();

        Assert.Empty(interviewer.Refusals);
        Assert.Empty(candidate.Refusals);
        Assert.True(candidate.Reconnects >= 1, "The candidate's connection was on the stopped node and moved.");
        var acked = interviewer.Acked.Concat(candidate.Acked).Order().ToList();
        Assert.Equal(Enumerable.Range(1, acked.Count).Select(i => (long)i), acked);
        foreach (var hub in new[] { interviewer.Hub, candidate.Hub })
        {
            var sync = await hub.SyncAsync(0);
            Assert.Equal(acked, sync.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()));
        }
        // What the candidate's client applied: live events on home, then a Sync from its last seq on spare, then live.
        Assert.Equal(acked, candidate.Applied.Order());
        Assert.Equal(candidate.Applied.Distinct().Count(), candidate.Applied.Count);
        await candidate.Hub.DisposeAsync();
    }
}
