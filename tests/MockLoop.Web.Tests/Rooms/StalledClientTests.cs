using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MockLoop.Core.Contracts;
using MockLoop.Web.Rooms;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

/// <summary>
/// Item 6: a client that stops reading cannot stall its session's writes. The in-memory test server never applies
/// back-pressure, so the app's SignalR lifetime manager is wrapped: every send to the stalled participant's groups
/// hangs, as a send to a socket nobody reads does once its buffers are full.
/// </summary>
public sealed class StalledClientTests : IAsyncLifetime
{
    private readonly StallingLifetimeManager.Stalled _stalled = new();
    private TestDatabase _database = null!;
    private MockLoopApp _app = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("stall");
        _app = await MockLoopApp.StartOnAsync(_database, web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton(_stalled);
            services.AddSingleton<HubLifetimeManager<InterviewHub>, StallingLifetimeManager>();
        }));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task While_the_candidates_sends_hang_the_interviewers_changes_are_stored_acknowledged_and_broadcast_to_them()
    {
        await using var room = await PairedRoom.OpenAsync(_app);
        _stalled.Groups.TryAdd(RoomGroups.Candidate(room.Id), 0);
        _stalled.Groups.TryAdd(RoomGroups.All(room.Id), 0);

        // Volatile relays toward the stalled candidate must not hold the interviewer's next durable call.
        for (var i = 0; i < 20; i++)
        {
            await room.InterviewerHub.Connection.InvokeAsync(InterviewHubMethods.Cursor, 10.0 + i, 20.0);
        }
        for (var i = 1; i <= 30; i++)
        {
            var ack = await room.InterviewerHub.CommandAsync(InterviewHubMethods.SendChat, $"still writing {i}", $"w-{i}")
                .WaitAsync(TimeSpan.FromSeconds(10));
            Assert.True(ack.Ok, ack.Error);
            Assert.Equal(i, ack.Seq);
        }
        await room.InterviewerHub.EventAsync(30);
        Assert.True(_stalled.Hanging > 0, "No send to the candidate was attempted.");
    }
}

/// <summary>SignalR's own in-memory lifetime manager, except that sends to the listed groups never complete.</summary>
public sealed class StallingLifetimeManager(StallingLifetimeManager.Stalled stalled, ILogger<DefaultHubLifetimeManager<InterviewHub>> logger)
    : HubLifetimeManager<InterviewHub>
{
    public sealed class Stalled
    {
        public ConcurrentDictionary<string, byte> Groups { get; } = new();
        private int _hanging;
        public int Hanging => _hanging;
        public Task Hang()
        {
            Interlocked.Increment(ref _hanging);
            return new TaskCompletionSource().Task;
        }
    }

    private readonly DefaultHubLifetimeManager<InterviewHub> _inner = new(logger);

    public override Task OnConnectedAsync(HubConnectionContext connection) => _inner.OnConnectedAsync(connection);
    public override Task OnDisconnectedAsync(HubConnectionContext connection) => _inner.OnDisconnectedAsync(connection);
    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken ct = default) => _inner.SendAllAsync(methodName, args, ct);
    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excluded, CancellationToken ct = default) =>
        _inner.SendAllExceptAsync(methodName, args, excluded, ct);
    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken ct = default) =>
        _inner.SendConnectionAsync(connectionId, methodName, args, ct);
    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken ct = default) =>
        _inner.SendConnectionsAsync(connectionIds, methodName, args, ct);
    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken ct = default) =>
        stalled.Groups.ContainsKey(groupName) ? stalled.Hang() : _inner.SendGroupAsync(groupName, methodName, args, ct);
    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken ct = default) =>
        groupNames.Any(stalled.Groups.ContainsKey) ? stalled.Hang() : _inner.SendGroupsAsync(groupNames, methodName, args, ct);
    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excluded, CancellationToken ct = default) =>
        stalled.Groups.ContainsKey(groupName) ? stalled.Hang() : _inner.SendGroupExceptAsync(groupName, methodName, args, excluded, ct);
    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken ct = default) => _inner.SendUserAsync(userId, methodName, args, ct);
    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken ct = default) => _inner.SendUsersAsync(userIds, methodName, args, ct);
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken ct = default) => _inner.AddToGroupAsync(connectionId, groupName, ct);
    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken ct = default) => _inner.RemoveFromGroupAsync(connectionId, groupName, ct);
}
