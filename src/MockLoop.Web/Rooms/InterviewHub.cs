using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;
using MockLoop.Web.Accounts;
using MockLoop.Web.Rooms.Grains;

namespace MockLoop.Web.Rooms;

/// <summary>
/// The live room's only channel. Thin by design: who you are comes from the Identity cookie, membership was
/// checked by <see cref="RoomMembershipGate"/> before the connection existed, and every durable change goes to the
/// session's single writer through <see cref="IRoomSessions"/> (the session's grain, on whichever node holds it).
/// </summary>
[Authorize]
public sealed partial class InterviewHub(
    IServiceProvider invocationServices, IRoomSessions rooms, ILogger<InterviewHub> logger) : Hub<IRoomClient>
{
    /// <summary>
    /// Resolved when used (connect, disconnect, the call's partner), not with the hub: SignalR makes a hub for every
    /// invocation, and drag previews, cursors and diagram ops never need the database, yet a constructor dependency
    /// built a DbContext (and its options) for each of them — about 8 % of the server's CPU under load (ADR 131).
    /// </summary>
    private SessionService Sessions => invocationServices.GetRequiredService<SessionService>();

    public override async Task OnConnectedAsync()
    {
        var sessionId = Context.SessionId();
        var userId = Context.User.UserId();
        var room = await Sessions.GetRoomAsync(sessionId, userId, Context.ConnectionAborted);
        if (room?.MyRole is not { } role)
        {
            // The gate refuses these before negotiation; this guards against a seat changing in between.
            logger.LogWarning("Refused hub connection of {User} to {Session}", userId, sessionId);
            Context.Abort();
            return;
        }

        // The seat's role, for the "offline" notice when this connection ends (seats are never given up).
        Context.Items[AttachedKey] = role;
        var joined = await rooms.ConnectedAsync(sessionId, userId, room.Session, room.Participants)
                     ?? throw new HubException("This interview no longer exists.");

        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.All(sessionId));
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.For(sessionId, role));

        var participants = room.Participants.Select(p => ToView(p, joined.Online.Contains(p.UserId) || p.UserId == userId)).ToList();
        await Clients.Caller.RoomState(new RoomStateMessage(sessionId, userId, role, participants));
        if (joined.Changed)
        {
            var me = room.Participants.First(p => p.UserId == userId);
            var message = new PresenceMessage(ToView(me, online: true));
            await Clients.OthersInGroup(RoomGroups.All(sessionId)).Presence(message);
            RelayToOtherNodes(() => RoomRelays.For(nameof(IRoomClient.Presence), RoomGroups.All(sessionId), message));
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var sessionId = RoomConnection.SessionIdFrom(Context.GetHttpContext());
        var userId = Context.User.UserId();
        if (sessionId is { } id && Context.Items.TryGetValue(AttachedKey, out var attached) && attached is SeatRole role)
        {
            var left = await rooms.DisconnectedAsync(id, userId);
            if (left.Changed)
            {
                // Sent straight after the session's grain counted the connection out, with no query in between: the
                // person's next connection may already be announcing itself, and "offline" must not trail it by much.
                var displayName = Context.User?.FindFirst(AppClaims.DisplayName)?.Value ?? "";
                var message = new PresenceMessage(new ParticipantView(userId, displayName, role, Online: false));
                await Clients.OthersInGroup(RoomGroups.All(id)).Presence(message);
                RelayToOtherNodes(() => RoomRelays.For(nameof(IRoomClient.Presence), RoomGroups.All(id), message), id);
            }
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Everything after <paramref name="lastSeq"/> (or a snapshot); -1 on a first load.</summary>
    [Limited(RateKind.Sync)]
    public async Task<SyncResult> Sync(long lastSeq) =>
        await rooms.SyncAsync(Context.SessionId(), Context.User.UserId(), lastSeq, Context.ConnectionAborted)
        ?? throw new HubException("You are not a participant in this interview.");

    /// <summary>Chat older than the snapshot's (paged from the log); limited like Sync.</summary>
    [Limited(RateKind.Sync)]
    public async Task<ChatPage> ChatBefore(long beforeSeq) =>
        await rooms.ChatBeforeAsync(Context.SessionId(), Context.User.UserId(), beforeSeq, Context.ConnectionAborted)
        ?? throw new HubException("You are not a participant in this interview.");

    /// <summary>
    /// One of the timer's commands, as Core's <see cref="TimerCommand"/> union ({"type":"goToStep","stepIndex":2}).
    /// Interviewer only. Read here rather than bound by SignalR, so a malformed command gets a precise refusal.
    /// </summary>
    [Limited(RateKind.Durable)]
    public async Task<CommandResult> Timer(JsonElement command, string? clientId)
    {
        TimerCommand? parsed;
        try
        {
            parsed = command.Deserialize<TimerCommand>(ContractJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return CommandResult.Refused(CommandCodes.BadCommand, "That timer command is not one the timer knows: " + ex.Message);
        }
        return parsed is null
            ? CommandResult.Refused(CommandCodes.BadCommand, "A timer command needs a type.")
            : await SubmitAsync(new DriveTimer(parsed), clientId);
    }

    [Limited(RateKind.Durable)]
    public Task<CommandResult> SendChat(string text, string? clientId) =>
        SubmitAsync(new PostChat(text), clientId);

    /// <summary>The interviewer's private note for one step; never sent to the candidate.</summary>
    [Limited(RateKind.Durable)]
    public Task<CommandResult> SaveNote(string stepId, string text, string? clientId) =>
        SubmitAsync(new WriteNote(stepId, text), clientId);

    /// <summary>
    /// One diagram op (JSON with a "type" discriminator, see Core's DiagramOps). Parsed here rather than bound by
    /// SignalR, so a malformed op gets a precise error instead of a generic invocation failure.
    /// </summary>
    [Limited(RateKind.Durable)]
    public async Task<CommandResult> SubmitOp(JsonElement op)
    {
        DiagramOp? parsed;
        try
        {
            parsed = op.Deserialize<DiagramOp>(ContractJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return CommandResult.Refused(CommandCodes.MalformedOp, "That diagram change is malformed: " + ex.Message);
        }
        if (parsed is null || string.IsNullOrWhiteSpace(parsed.OpId))
        {
            return CommandResult.Refused(CommandCodes.MalformedOp, "A diagram change needs a type and an opId.");
        }
        return await SubmitAsync(new EditDiagram(parsed), parsed.OpId);
    }

    /// <summary>Volatile: the pointer on the canvas, relayed to the peer, never stored. Excess beyond 20/s is dropped.</summary>
    [Limited(RateKind.Volatile)]
    public async Task Cursor(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y) || VolatileInFlight())
        {
            return;
        }
        var name = Context.User?.FindFirst(AppClaims.DisplayName)?.Value ?? "";
        var message = new PeerCursorMessage(Context.User.UserId(), name, x, y);
        RelayVolatile(Clients.OthersInGroup(RoomGroups.All(Context.SessionId())).PeerCursor(message));
        RelayToOtherNodes(() => RoomRelays.For(nameof(IRoomClient.PeerCursor), RoomGroups.All(Context.SessionId()), message));
        await Task.CompletedTask;
    }

    /// <summary>Volatile: a node being dragged, relayed to the peer; the drop arrives as one durable op.</summary>
    [Limited(RateKind.Volatile)]
    public async Task DragPreview(string nodeId, double x, double y)
    {
        if (string.IsNullOrEmpty(nodeId) || nodeId.Length > 64 || !double.IsFinite(x) || !double.IsFinite(y)
            || VolatileInFlight())
        {
            return;
        }
        var message = new PeerDragMessage(Context.User.UserId(), nodeId, x, y);
        RelayVolatile(Clients.OthersInGroup(RoomGroups.All(Context.SessionId())).PeerDrag(message));
        RelayToOtherNodes(() => RoomRelays.For(nameof(IRoomClient.PeerDrag), RoomGroups.All(Context.SessionId()), message));
        await Task.CompletedTask;
    }

    /// <summary>
    /// A volatile relay is not awaited: a partner who stops reading would otherwise hold this connection's next call
    /// (a durable change) behind it. Past a few relays still on their way, new ones are dropped (the next position
    /// supersedes them anyway), so nothing piles up for a partner who is not reading.
    /// </summary>
    private bool VolatileInFlight() => Relays().InFlight >= MaxVolatileInFlight;

    private void RelayVolatile(Task send)
    {
        var relays = Relays();
        Interlocked.Increment(ref relays.InFlight);
        _ = send.ContinueWith(t =>
        {
            Interlocked.Decrement(ref relays.InFlight);
            _ = t.Exception;
        }, TaskContinuationOptions.ExecuteSynchronously);
    }

    /// <summary>
    /// Volatile traffic for the session's connections on other nodes (a no-op on a single node), never awaited:
    /// like the local relay, a slow path must not hold this connection's next call.
    /// </summary>
    private void RelayToOtherNodes(Func<RoomRelay> relay, Guid? sessionId = null)
    {
        if (!rooms.SpansNodes)
        {
            return;
        }
        var relayed = rooms.RelayAsync(sessionId ?? Context.SessionId(), relay());
        if (!relayed.IsCompleted)
        {
            _ = relayed.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private VolatileRelays Relays()
    {
        if (Context.Items.TryGetValue(VolatileKey, out var value) && value is VolatileRelays relays)
        {
            return relays;
        }
        relays = new VolatileRelays();
        Context.Items[VolatileKey] = relays;
        return relays;
    }

    private sealed class VolatileRelays
    {
        public int InFlight;
    }

    private const int MaxVolatileInFlight = 8;
    private const string VolatileKey = "mockloop:volatile-in-flight";

    /// <summary>The rate limit and database trouble are the hub filter's (<see cref="RoomHubFilter"/>).</summary>
    private Task<CommandResult> SubmitAsync(LiveCommand command, string? clientId) =>
        rooms.SubmitAsync(Context.SessionId(), Context.User.UserId(), command, clientId);

    private static ParticipantView ToView(Participant p, bool online) => new(p.UserId, p.DisplayName, p.Role, online);

    private const string AttachedKey = "mockloop:attached";
}
