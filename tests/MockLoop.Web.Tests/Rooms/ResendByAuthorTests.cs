using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>Item 3: a resend is recognised by (author, client id), never by the client id alone.</summary>
public sealed class ResendByAuthorTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reusing_the_partners_change_id_stores_ones_own_change_and_never_returns_the_partners_sequence()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var ivys = await room.InterviewerHub.CommandAsync("SendChat", "from Ivy", "shared-id");
        Assert.True(ivys.Ok);

        var cals = await room.CandidateHub.CommandAsync("SendChat", "from Cal", "shared-id");

        // Cal's change is his own: stored after Ivy's, not answered with her sequence.
        Assert.True(cals.Ok, cals.Error);
        Assert.Equal(ivys.Seq + 1, cals.Seq);
        Assert.Equal(["from Ivy", "from Cal"], await ChatAsync(room.Id));
        Assert.Equal(cals.Seq, (await room.CandidateHub.CommandAsync("SendChat", "from Cal", "shared-id")).Seq);
        // Ivy's own resend is still recognised as hers.
        Assert.Equal(ivys.Seq, (await room.InterviewerHub.CommandAsync("SendChat", "from Ivy", "shared-id")).Seq);
    }

    [Fact]
    public async Task A_resend_by_the_same_author_is_acknowledged_with_its_first_sequence_and_stored_once()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var first = await room.CandidateHub.CommandAsync("SendChat", "hello", "c-1");
        var again = await room.CandidateHub.CommandAsync("SendChat", "hello", "c-1");

        Assert.Equal(first.Seq, again.Seq);
        Assert.Equal(["hello"], await ChatAsync(room.Id));
    }

    private async Task<List<string>> ChatAsync(Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>()
            .Where(e => e.SessionId == sessionId && e.Kind == "chat").OrderBy(e => e.Seq).ToListAsync();
        return rows.Select(r => ((MockLoop.Core.Sessions.ChatPosted)MockLoop.Core.Sessions.SessionChangeJson.Deserialize(r.Kind, r.Payload)).Text).ToList();
    }
}
