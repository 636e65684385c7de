using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Grains;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

public sealed class DiagramSyncTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static JsonObject AddNode(string opId, string nodeId, string type = "feature-store", string label = "Feature store") => new()
    {
        ["type"] = "addNode",
        ["opId"] = opId,
        ["node"] = new JsonObject
        {
            ["id"] = nodeId, ["componentType"] = type, ["label"] = label,
            ["x"] = 100, ["y"] = 80, ["width"] = 180, ["height"] = 64,
        },
    };

    private static async Task<(RoomHub Interviewer, RoomHub Candidate, Guid Id)> OpenAsync(MockLoopApp on)
    {
        var room = await PairedRoom.OpenAsync(on);
        return (room.InterviewerHub, room.CandidateHub, room.Id);
    }

    private static async Task<int> CountAsync<T>(MockLoopApp on, Guid sessionId, Func<IQueryable<T>, Guid, IQueryable<T>> filter) where T : class
    {
        await using var scope = on.Services.CreateAsyncScope();
        return await filter(scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<T>(), sessionId).CountAsync();
    }

    private static Task<int> DiagramEntriesAsync(MockLoopApp on, Guid id) =>
        CountAsync<SessionEventRow>(on, id, (rows, s) => rows.Where(r => r.SessionId == s && r.Kind == "diagram"));

    [Fact]
    public async Task An_op_is_stored_acknowledged_and_shown_to_the_peer()
    {
        var (interviewer, candidate, id) = await OpenAsync(app);
        await using var _ = interviewer;
        await using var __ = candidate;

        var ack = (await candidate.CallAsync("SubmitOp", AddNode("op-1", "n_store")))!;
        Assert.True(ack["ok"]!.GetValue<bool>(), ack.ToJsonString());

        var seen = await interviewer.ExpectAsync("Event");
        Assert.Equal("diagram", seen["kind"]!.GetValue<string>());
        Assert.Equal("op-1", seen["clientId"]!.GetValue<string>());
        Assert.Equal("n_store", seen["op"]!["node"]!["id"]!.GetValue<string>());
        Assert.Equal(1, await DiagramEntriesAsync(app, id));
    }

    [Fact]
    public async Task The_stored_entry_is_the_very_event_both_seats_were_sent_and_a_private_one_reaches_the_candidate_bare()
    {
        var (interviewer, candidate, id) = await OpenAsync(app);
        await using var _ = interviewer;
        await using var __ = candidate;

        Assert.True((await candidate.CallAsync("SubmitOp", AddNode("op-1", "n_store")))!["ok"]!.GetValue<bool>());
        var toInterviewer = await interviewer.ExpectAsync("Event");
        var toCandidate = await candidate.ExpectAsync("Event");
        var storedOp = await PayloadAsync(id, seq: 1);
        Assert.Equal(Canonical(storedOp), Canonical(toInterviewer));
        Assert.Equal(Canonical(storedOp), Canonical(toCandidate));

        var steps = await interviewer.CallAsync("Sync", -1L);
        var stepId = steps!["snapshot"]!["rubric"]!["steps"]![0]!["id"]!.GetValue<string>();
        Assert.True((await interviewer.CallAsync("SaveNote", stepId, "Asked about scale unprompted", null))!["ok"]!.GetValue<bool>());
        var note = await interviewer.ExpectAsync("Event");
        var bare = await candidate.ExpectAsync("Event");
        var storedNote = await PayloadAsync(id, seq: 2);
        Assert.Equal(Canonical(storedNote), Canonical(note));
        Assert.Equal("note", storedNote["kind"]!.GetValue<string>());
        Assert.Equal("private", bare["kind"]!.GetValue<string>());
        Assert.Equal(2, bare["seq"]!.GetValue<long>());
        Assert.DoesNotContain("scale", bare.ToJsonString());
    }

    private async Task<JsonNode> PayloadAsync(Guid id, long seq)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var payload = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>()
            .Where(r => r.SessionId == id && r.Seq == seq).Select(r => r.Payload).SingleAsync();
        return JsonNode.Parse(payload)!;
    }

    /// <summary>Keys sorted at every level: PostgreSQL's jsonb keeps its own key order, the meaning is the same.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    [Fact]
    public async Task Malformed_or_invalid_ops_are_refused_and_change_nothing()
    {
        var (interviewer, candidate, id) = await OpenAsync(app);
        await using var _ = interviewer;
        await using var __ = candidate;

        var garbage = (await candidate.CallAsync("SubmitOp", new JsonObject { ["type"] = "teleport", ["opId"] = "x" }))!;
        Assert.Equal("malformed_op", garbage["code"]!.GetValue<string>());
        var notAnObject = (await candidate.CallAsync("SubmitOp", "just a string"))!;
        Assert.Equal("malformed_op", notAnObject["code"]!.GetValue<string>());
        var unknownType = (await candidate.CallAsync("SubmitOp", AddNode("op-2", "n_x", type: "quantum-computer")))!;
        Assert.False(unknownType["ok"]!.GetValue<bool>());
        var longLabel = (await candidate.CallAsync("SubmitOp", AddNode("op-3", "n_y", label: new string('L', 201))))!;
        Assert.False(longLabel["ok"]!.GetValue<bool>());
        Assert.Contains("200", longLabel["error"]!.GetValue<string>());

        Assert.Equal(0, await DiagramEntriesAsync(app, id));
    }

    [Fact]
    public async Task A_resent_op_is_applied_once()
    {
        var (interviewer, candidate, id) = await OpenAsync(app);
        await using var _ = interviewer;
        await using var __ = candidate;

        var first = (await candidate.CallAsync("SubmitOp", AddNode("op-same", "n_a")))!;
        var again = (await candidate.CallAsync("SubmitOp", AddNode("op-same", "n_a")))!;

        Assert.True(again["ok"]!.GetValue<bool>());
        Assert.Equal(first["seq"]!.GetValue<long>(), again["seq"]!.GetValue<long>());
        Assert.Equal(1, await DiagramEntriesAsync(app, id));
    }

    [Fact]
    public async Task Each_step_end_keeps_a_snapshot_of_the_diagram()
    {
        var (interviewer, candidate, id) = await OpenAsync(app);
        await using var _ = interviewer;
        await using var __ = candidate;

        await interviewer.CallAsync("Timer", new { type = "start" }, null);
        await candidate.CallAsync("SubmitOp", AddNode("op-a", "n_client", type: "client", label: "App"));
        await interviewer.CallAsync("Timer", new { type = "nextStep" }, null);
        await candidate.CallAsync("SubmitOp", AddNode("op-b", "n_rank", type: "ranking-model", label: "Ranker"));
        await interviewer.CallAsync("Timer", new { type = "end" }, null);

        await using var scope = app.Services.CreateAsyncScope();
        var snapshots = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StepDiagramRow>()
            .Where(r => r.SessionId == id).ToDictionaryAsync(r => r.StepId, r => r.Snapshot);
        Assert.Contains("n_client", snapshots["clarify-requirements"]);
        Assert.DoesNotContain("n_rank", snapshots["clarify-requirements"]);
        Assert.Contains("n_rank", snapshots["frame-ml-task"]);

        var afterEnd = (await candidate.CallAsync("SubmitOp", AddNode("op-c", "n_late")))!;
        Assert.Equal("ended", afterEnd["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cursors_and_drag_previews_reach_the_peer_and_are_never_stored()
    {
        var (interviewer, candidate, id) = await OpenAsync(app);
        await using var _ = interviewer;
        await using var __ = candidate;

        await candidate.CallAsync("Cursor", 12.5, 40);
        var cursor = await interviewer.ExpectAsync("PeerCursor");
        Assert.Equal("Cal", cursor["name"]!.GetValue<string>());
        Assert.Equal(12.5, cursor["x"]!.GetValue<double>());

        await candidate.CallAsync("DragPreview", "n_a", 300, 200);
        Assert.Equal("n_a", (await interviewer.ExpectAsync("PeerDrag"))["nodeId"]!.GetValue<string>());

        Assert.Equal(0, await CountAsync<SessionEventRow>(app, id, (rows, s) => rows.Where(r => r.SessionId == s)));
    }

    [Fact]
    public async Task After_a_restart_the_diagram_is_rebuilt_from_the_log()
    {
        Guid id;
        await using (var first = await MockLoopApp.StartOnAsync(app.Database))
        {
            var (interviewer, candidate, sessionId) = await OpenAsync(first);
            id = sessionId;
            await candidate.CallAsync("SubmitOp", AddNode("op-1", "n_keep", type: "model-server", label: "Model server"));
            await candidate.CallAsync("SubmitOp", new JsonObject
            {
                ["type"] = "updateNode", ["opId"] = "op-2", ["nodeId"] = "n_keep", ["label"] = "Model server (GPU)",
            });
            await interviewer.DisposeAsync();
            await candidate.DisposeAsync();
        }

        // The server stopped; a new one on the same database (a restart) activates the session's grain from the log.
        await using var second = await MockLoopApp.StartOnAsync(app.Database);
        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Sessions.SingleAsync(s => s.Id == id);
        var sync = (await second.Services.GetRequiredService<IGrainFactory>().GetGrain<ISessionGrain>(id)
            .Sync(session.CandidateId!.Value, -1))!;

        var node = Assert.Single(sync.Snapshot!.Diagram.Nodes);
        Assert.Equal("Model server (GPU)", node.Label);
        Assert.Equal(2, sync.Seq);
    }
}
