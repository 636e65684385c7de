using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Sessions;
using MockLoop.Web.Rooms.Grains;

namespace MockLoop.Web.Rooms.Live;

/// <summary>Sessions served by this node alone (without <c>Cluster:Enabled</c>): its engine and presence.</summary>
public sealed class LocalRoomSessions(SessionEngine engine, RoomPresence presence) : IRoomSessions
{
    public async Task<PresenceChange?> ConnectedAsync(Guid sessionId, Guid userId, InterviewSession row, IReadOnlyList<Participant> participants)
    {
        engine.Attached(sessionId);
        var live = await engine.GetAsync(sessionId);
        if (live is null)
        {
            return null;
        }
        await live.RefreshSeatsAsync(row, participants);
        var cameOnline = presence.Connected(sessionId, userId);
        return new PresenceChange(cameOnline, Online(sessionId, participants));
    }

    public Task<PresenceChange> DisconnectedAsync(Guid sessionId, Guid userId)
    {
        engine.Detached(sessionId);
        return Task.FromResult(new PresenceChange(presence.Disconnected(sessionId, userId), []));
    }

    public async Task<CommandResult> SubmitAsync(Guid sessionId, Guid userId, LiveCommand command, string? clientId) =>
        await (await LiveAsync(sessionId)).SubmitAsync(userId, command, clientId);

    public async Task<SyncResult?> SyncAsync(Guid sessionId, Guid userId, long lastSeq, CancellationToken ct) =>
        await (await LiveAsync(sessionId, ct)).Writer.SyncAsync(userId, lastSeq, ct);

    public async Task<ChatPage?> ChatBeforeAsync(Guid sessionId, Guid userId, long beforeSeq, CancellationToken ct) =>
        await (await LiveAsync(sessionId, ct)).Writer.ChatBeforeAsync(userId, beforeSeq, ct);

    public async Task<CommandResult> StartReturnMatchAsync(Guid sessionId, Guid userId, string startedBy)
    {
        var (url, error) = await (await LiveAsync(sessionId)).StartReturnMatchAsync(userId, startedBy);
        return error ?? new CommandResult(true, Location: url);
    }

    /// <summary>One node: the hub's own send reached every connection.</summary>
    public Task RelayAsync(Guid sessionId, RoomRelay relay) => Task.CompletedTask;

    private async Task<LiveSession> LiveAsync(Guid sessionId, CancellationToken ct = default) =>
        await engine.GetAsync(sessionId, ct) ?? throw new HubException("This interview no longer exists.");

    private Guid[] Online(Guid sessionId, IReadOnlyList<Participant> participants) =>
        participants.Where(p => presence.IsOnline(sessionId, p.UserId)).Select(p => p.UserId).ToArray();
}
