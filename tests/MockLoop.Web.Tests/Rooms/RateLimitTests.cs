using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

public sealed class RateLimitTests(FrozenClockApp app) : IClassFixture<FrozenClockApp>
{
    [Fact]
    public async Task A_flood_of_changes_from_one_connection_is_cut_at_the_burst_and_refills_with_time()
    {
        await using var room = await PairedRoom.OpenAsync(app);

        var refused = 0;
        for (var i = 0; i < 130; i++)
        {
            var result = (await room.CandidateHub.CallAsync("SendChat", $"spam {i}", null))!;
            refused += result["code"]?.GetValue<string>() == "rate_limited" ? 1 : 0;
        }
        // Bursts of 120, then nothing until time passes.
        Assert.Equal(10, refused);

        app.ManualClock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 20; i++)
        {
            Assert.True((await room.CandidateHub.CallAsync("SendChat", $"later {i}", null))!["ok"]!.GetValue<bool>());
        }
        Assert.Equal("rate_limited", (await room.CandidateHub.CallAsync("SendChat", "one too many", null))!["code"]!.GetValue<string>());

        // The other participant's budget is their own.
        Assert.True((await room.InterviewerHub.CallAsync("SendChat", "hello", null))!["ok"]!.GetValue<bool>());

        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>().CountAsync(e => e.SessionId == room.Id);
        Assert.Equal(120 + 20 + 1, stored);
    }
}
