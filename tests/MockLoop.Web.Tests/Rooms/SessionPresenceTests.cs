using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Rooms.Grains;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>
/// Presence on the session's grain when a node's periodic re-subscription lands between a connection opening (or
/// closing) and that connection's own presence report: the subscription already carries the new count, so a report
/// of +1/-1 on top of it counted the connection twice.
/// </summary>
public sealed class SessionPresenceTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    private const string Node = "presence-test-node";

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>This test's stand-in for a node's forwarder: the grain may publish to it; nothing here reads that.</summary>
    private sealed class QuietNode : ISessionNodeObserver
    {
        public Task Published(Guid sessionId, SessionPublication publication) => Task.CompletedTask;
        public Task Relayed(Guid sessionId, RoomRelay relay) => Task.CompletedTask;
        public Task Replaced(Guid sessionId) => Task.CompletedTask;
    }

    private async Task<(ISessionGrain Grain, ISessionNodeObserver Observer)> SessionAsync()
    {
        var room = await PairedRoom.OpenAsync(app);
        await room.DisposeAsync();
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        return (grains.GetGrain<ISessionGrain>(room.Id), grains.CreateObjectReference<ISessionNodeObserver>(new QuietNode()));
    }

    [Fact]
    public async Task A_refresh_that_already_counted_a_new_connection_does_not_keep_its_user_online_after_it_closes()
    {
        var (grain, observer) = await SessionAsync();
        var user = Guid.NewGuid();

        // The connection opened; the node's refresh ran before the connection's own report and counted it.
        await grain.Subscribe(Node, observer, new Dictionary<Guid, int> { [user] = 1 }, -1);
        var opened = await grain.Presence(Node, user, 1);
        Assert.Contains(user, opened.Online);

        var closed = await grain.Presence(Node, user, 0);
        Assert.True(closed.Changed);
        Assert.DoesNotContain(user, closed.Online);
        await grain.Unsubscribe(Node);
    }

    [Fact]
    public async Task A_refresh_that_already_dropped_a_closed_connection_does_not_take_its_user_offline_while_another_is_open()
    {
        var (grain, observer) = await SessionAsync();
        var user = Guid.NewGuid();
        await grain.Subscribe(Node, observer, new Dictionary<Guid, int> { [user] = 2 }, -1);

        // One of the user's two connections closed; the refresh ran before that connection's report and left one.
        await grain.Subscribe(Node, observer, new Dictionary<Guid, int> { [user] = 1 }, -1);
        var closedOne = await grain.Presence(Node, user, 1);

        Assert.False(closedOne.Changed);
        Assert.Contains(user, closedOne.Online);

        var closedBoth = await grain.Presence(Node, user, 0);
        Assert.True(closedBoth.Changed);
        Assert.DoesNotContain(user, closedBoth.Online);
        await grain.Unsubscribe(Node);
    }
}
