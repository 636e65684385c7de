using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Core.Contracts;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// Three real node processes behind a plain round-robin balancer (no affinity, as deploy/nginx.conf and
/// `./mockloop run --nodes 3` route): the room's connections reach whichever node is next, and work.
/// </summary>
public sealed class RoundRobinProcessTests
{
    [Fact]
    public async Task Participants_routed_round_robin_to_different_nodes_draw_and_chat_and_each_sees_the_other()
    {
        await using var cluster = await ThreeNodeProcesses.StartAsync("rr");
        var (node1, node2, node3) = (cluster.Node1, cluster.Node2, cluster.Node3);
        await using var balancer = new RoundRobinProxy([node1.BaseUrl, node2.BaseUrl, node3.BaseUrl]);

        var (ivy, ivyCookies) = await node1.NewUserAsync("Ivy");
        var (cal, calCookies) = await node2.NewUserAsync("Cal");
        var id = await FormPosts.CreateSessionAsync(ivy, "Interviewer");
        Assert.Equal(HttpStatusCode.Redirect, (await FormPosts.JoinAsync(cal, id)).StatusCode);
        var path = $"/hubs/interview?session={id}";

        // SignalR's default handshake is two requests (negotiate, then the WebSocket); round robin sends them to two
        // different nodes, and the second does not know the first's connection. This is what the room no longer does.
        await Assert.ThrowsAnyAsync<Exception>(() => NodeProcess.ConnectAsync(balancer.BaseUrl, ivyCookies, path, skipNegotiation: false));

        // As the room connects: one WebSocket request, on whichever node is next. Ivy and Cal land on different nodes.
        var seenByInterviewer = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        var seenByCandidate = System.Threading.Channels.Channel.CreateUnbounded<JsonElement>();
        await using var interviewer = await NodeProcess.ConnectAsync(balancer.BaseUrl, ivyCookies, path, handlers: Collect(seenByInterviewer));
        await using var candidate = await NodeProcess.ConnectAsync(balancer.BaseUrl, calCookies, path, handlers: Collect(seenByCandidate));
        var routed = balancer.Routed;
        Assert.NotEqual(routed[^2], routed[^1]);

        var drawn = await interviewer.InvokeAsync<CommandResult>("SubmitOp", new
        {
            type = "addNode", opId = "op-1",
            node = new { id = "n1", componentType = "client", label = "Riders", x = 10, y = 20, width = 160, height = 60 },
        });
        var asked = await candidate.InvokeAsync<CommandResult>("SendChat", "Is this the rider app?", "c-1");
        Assert.True(drawn.Ok, drawn.Error);
        Assert.True(asked.Ok, asked.Error);

        using var limit = new CancellationTokenSource(Until.GiveUpAfter);
        var forCandidate = await seenByCandidate.Reader.ReadAsync(limit.Token);
        Assert.Equal("n1", forCandidate.GetProperty("op").GetProperty("node").GetProperty("id").GetString());
        JsonElement chat;
        do
        {
            chat = await seenByInterviewer.Reader.ReadAsync(limit.Token);
        }
        while (chat.GetProperty("kind").GetString() != "chat");
        Assert.Equal("Is this the rider app?", chat.GetProperty("chat").GetProperty("text").GetString());
    }

    private static Action<HubConnection> Collect(System.Threading.Channels.Channel<JsonElement> events) =>
        hub => hub.On<JsonElement>("Event", e => events.Writer.TryWrite(e));
}
