using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Contracts;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Grains;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Rooms;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// A two-node cluster on a PostgreSQL of this class's own, which is really stopped: a session whose grain must be
/// activated (loaded from the log) while the database is down answers the retryable <c>unavailable</c>, applies
/// nothing, and stores the resent command exactly once when the database is back.
/// </summary>
public sealed class ClusterDatabaseOutageTests : IAsyncLifetime
{
    private DedicatedCluster _postgres = null!;
    private ClusterNodes _cluster = null!;

    public async Task InitializeAsync()
    {
        _postgres = await DedicatedCluster.StartAsync();
        _cluster = await ClusterNodes.StartAsync(2, server: _postgres.ServerConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task A_change_for_a_session_whose_grain_activates_while_PostgreSQL_is_down_is_unavailable_then_stored_once()
    {
        var (home, other) = (_cluster.Nodes[0], _cluster.Nodes[1]);
        var interviewer = await FormPosts.NewUserAsync(home, "Ivy Interviewer");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer");
        var candidate = await FormPosts.NewUserAsync(other, "Cal Candidate");
        await FormPosts.JoinAsync(candidate, id);
        await using var interviewerHub = await RoomHub.ConnectAsync(home, interviewer, $"session={id}");
        await using var candidateHub = await RoomHub.ConnectAsync(other, candidate, $"session={id}");
        await interviewerHub.ExpectAsync("RoomState");
        await candidateHub.ExpectAsync("RoomState");
        Assert.True((await candidateHub.CommandAsync("SendChat", "before the outage", "chat-1")).Ok);

        await _postgres.StopServerAsync();
        // The session's grain goes away (as after a node's restart or an idle collection); the next call activates it.
        // (Asked of the grain itself: the management grain would read the membership table, which is down too.)
        var grain = home.Services.GetRequiredService<IGrainFactory>().GetGrain<ISessionGrain>(id);
        await grain.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        await Until.TrueAsync(() => Task.FromResult(
            _cluster.Nodes.Sum(n => n.Services.GetRequiredService<SessionGrainCount>().Active) == 0));

        var during = await candidateHub.CommandAsync("SubmitOp", DatabaseRestartTests.AddNode("op-during", "n-during"));
        Assert.False(during.Ok);
        Assert.Equal(CommandCodes.Unavailable, during.Code);
        var chat = await interviewerHub.CommandAsync("SendChat", "during the outage", "chat-2");
        Assert.Equal(CommandCodes.Unavailable, chat.Code);

        await _postgres.StartServerAsync();

        // The room resends the same commands: each is stored once, in order, and both participants see them.
        var op = await ResendWhileUnavailableAsync(() => candidateHub.CommandAsync("SubmitOp", DatabaseRestartTests.AddNode("op-during", "n-during")));
        var resentChat = await ResendWhileUnavailableAsync(() => interviewerHub.CommandAsync("SendChat", "during the outage", "chat-2"));
        Assert.Equal((2L, 3L), (op.Seq!.Value, resentChat.Seq!.Value));
        Assert.Equal(2, (await candidateHub.CommandAsync("SubmitOp", DatabaseRestartTests.AddNode("op-during", "n-during"))).Seq);
        await interviewerHub.EventAsync(3);
        await candidateHub.EventAsync(3);

        await using var scope = home.Services.CreateAsyncScope();
        var log = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>().Where(e => e.SessionId == id).OrderBy(e => e.Seq).Select(e => new { e.Seq, e.ClientId }).ToListAsync();
        Assert.Equal([1L, 2L, 3L], log.Select(e => e.Seq));
        Assert.Equal(["chat-1", "op-during", "chat-2"], log.Select(e => e.ClientId));
    }

    private static async Task<CommandResult> ResendWhileUnavailableAsync(Func<Task<CommandResult>> send)
    {
        var deadline = DateTime.UtcNow + Until.GiveUpAfter;
        while (true)
        {
            var result = await send();
            if (result.Code != CommandCodes.Unavailable)
            {
                Assert.True(result.Ok, result.Error);
                return result;
            }
            Assert.True(DateTime.UtcNow < deadline, "Still unavailable long after the database came back.");
            await Task.Delay(100);
        }
    }
}
