using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using Microsoft.AspNetCore.TestHost;
using MockLoop.Web.Rooms.Grains;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>Snapshots in the session log (issue 10 item 6): a load reads the latest snapshot and the entries after it.</summary>
public sealed class SessionSnapshotTests(SessionSnapshotTests.SnapshotEveryFive app) : IClassFixture<SessionSnapshotTests.SnapshotEveryFive>, IAsyncLifetime
{
    /// <summary>
    /// The app with a snapshot after every five entries, so a short session has a few; it lets the tests see the
    /// session grains' writers (the state they hold in memory).
    /// </summary>
    public sealed class SnapshotEveryFive : MockLoopApp
    {
        public SessionGrainWriters Writers { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SessionLog:SnapshotEvery", "5");
            builder.ConfigureTestServices(services => services.AddSingleton<IIncomingGrainCallFilter>(Writers));
        }
    }

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private IServiceScopeFactory Scopes => app.Services.GetRequiredService<IServiceScopeFactory>();

    [Fact]
    public async Task Loading_from_the_latest_snapshot_gives_the_state_a_full_replay_gives()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var live = await PlayThirteenEntriesAsync(room.Id);
        await WaitForSnapshotAsync(room.Id, 10);

        var full = (await SessionLoader.LoadAsync(room.Id, Scopes, fromSnapshot: false, default))!;
        var fromSnapshot = (await SessionLoader.LoadAsync(room.Id, Scopes, fromSnapshot: true, default))!;

        Assert.Equal(0, full.SnapshotSeq);
        Assert.Equal(13, full.Tail.Count);
        Assert.Equal(10, fromSnapshot.SnapshotSeq);
        Assert.Equal([11L, 12L, 13L], fromSnapshot.Tail.Select(e => e.Seq));
        Assert.Equal(full.State, fromSnapshot.State);
        Assert.Equal(live.State, fromSnapshot.State);
        // Only the latest snapshot is kept.
        Assert.Equal([10L], await SnapshotSeqsAsync(room.Id));
    }

    [Fact]
    public async Task A_session_whose_early_log_cannot_be_replayed_still_loads_from_its_snapshot()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var live = await PlayThirteenEntriesAsync(room.Id);
        await WaitForSnapshotAsync(room.Id, 10);
        var expected = live.State;

        // Entries 1-10 become unreadable: a load that touched any of them would fail.
        await using (var scope = Scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>()
                .Where(e => e.SessionId == room.Id && e.Seq <= 10)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Kind, "unreadable"));
        }

        await Assert.ThrowsAsync<JsonException>(() => SessionLoader.LoadAsync(room.Id, Scopes, fromSnapshot: false, default));
        var loaded = (await SessionLoader.LoadAsync(room.Id, Scopes, fromSnapshot: true, default))!;
        Assert.Equal(expected, loaded.State);
        Assert.Equal(3, loaded.Tail.Count);
    }

    [Fact]
    public async Task A_snapshot_this_code_cannot_read_is_skipped_and_the_whole_log_replayed()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var live = await PlayThirteenEntriesAsync(room.Id);
        await WaitForSnapshotAsync(room.Id, 10);
        await using (var scope = Scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionSnapshotRow>()
                .Where(s => s.SessionId == room.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, """{"version": 999}"""));
        }

        var loaded = (await SessionLoader.LoadAsync(room.Id, Scopes, fromSnapshot: true, default))!;

        Assert.Equal(0, loaded.SnapshotSeq);
        Assert.Equal(13, loaded.Tail.Count);
        Assert.Equal(live.State, loaded.State);
    }

    /// <summary>Every kind of entry, through the session's writer, as the hub would send them.</summary>
    private async Task<SessionWriter> PlayThirteenEntriesAsync(Guid sessionId)
    {
        // The room is open, so the session's grain is active and its writer known.
        var live = app.Writers.Of(sessionId);
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<ISessionGrain>(sessionId);
        await using var scope = Scopes.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        var interviewer = row.InterviewerId!.Value;
        var candidate = row.CandidateId!.Value;
        var step = live.Rubric.Steps[0];
        var criterion = step.Criteria[0];
        var commands = new (Guid Who, LiveCommand Command)[]
        {
            (interviewer, new DriveTimer(new StartTimer())),
            (candidate, new PostChat("Shall I start with the users?")),
            (candidate, new EditDiagram(new AddNodeOp("op-1", Node("n1")))),
            (interviewer, new WriteNote(step.Id, "asks about scale")),
            (interviewer, new ScoreCriterion(step.Id, criterion.Id, 3, "clear", NeededHint: true)),
            (interviewer, new RecordRedFlag(step.Id, step.RedFlags[0].Id, true)),
            (candidate, new EditDiagram(new AddNodeOp("op-2", Node("n2")))),
            (interviewer, new PostChat("Go on")),
            (interviewer, new DriveTimer(new NextStep())),
            (candidate, new EditDiagram(new UpdateNodeOp("op-3", "n1", Label: "Web client"))),
            (candidate, new PostChat("Now the data")),
            (interviewer, new ScoreCriterion(step.Id, step.Criteria[1].Id, 2, null)),
            (candidate, new EditDiagram(new DeleteElementOp("op-4", "n2"))),
        };
        var i = 0;
        foreach (var (who, command) in commands)
        {
            var result = await grain.Submit(who, command, $"c-{++i}");
            Assert.True(result.Ok, $"{command.GetType().Name}: {result.Code} {result.Error}");
        }
        return live;
    }

    private static DiagramNode Node(string id) => new(id, "client", "Client", X: 10, Y: 20, Width: 160, Height: 60);

    private async Task<List<long>> SnapshotSeqsAsync(Guid sessionId)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionSnapshotRow>()
            .Where(s => s.SessionId == sessionId).Select(s => s.Seq).OrderBy(s => s).ToListAsync();
    }

    /// <summary>Snapshots are written off the commit path; wait (bounded) until the one after entry 10 is there.</summary>
    private async Task WaitForSnapshotAsync(Guid sessionId, long seq)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await SnapshotSeqsAsync(sessionId)).Contains(seq))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No snapshot at {seq} was stored.");
            await Task.Delay(50);
        }
    }
}
