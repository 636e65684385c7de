using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>
/// Sessions on their grains (on every node, one or many). A call caught by the failure of the grain's node is
/// answered <c>unavailable</c> (docs/decisions/050): nothing was acknowledged, the client resends, and the session
/// comes back on a survivor from its log.
/// </summary>
public sealed class GrainRoomSessions(
    ClusterSessions nodes, IClusterMembershipService membership, ILogger<GrainRoomSessions> logger) : IRoomSessions
{
    /// <summary>A node alone (the common case) relays nothing: its own hub already reached every connection.</summary>
    public bool SpansNodes => membership.CurrentSnapshot.Members.Count(m => m.Value.Status == SiloStatus.Active) > 1;

    public async Task<PresenceChange?> ConnectedAsync(Guid sessionId, Guid userId, InterviewSession row, IReadOnlyList<Participant> participants)
    {
        if (!await nodes.AttachAsync(sessionId, userId))
        {
            return null;
        }
        var grain = nodes.Grain(sessionId);
        await grain.RefreshSeats(row.InterviewerId, row.CandidateId, participants.ToDictionary(p => p.UserId, p => p.DisplayName));
        return await grain.Presence(nodes.Node, userId, +1);
    }

    public async Task<PresenceChange> DisconnectedAsync(Guid sessionId, Guid userId)
    {
        var last = nodes.Detach(sessionId, userId);
        try
        {
            return await nodes.Grain(sessionId).Presence(nodes.Node, userId, -1);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            // The session's node is gone; its next activation learns presence from the nodes' subscriptions.
            return new PresenceChange(false, []);
        }
        finally
        {
            if (last)
            {
                await nodes.UnsubscribeAsync(sessionId);
            }
        }
    }

    public async Task<CommandResult> SubmitAsync(Guid sessionId, Guid userId, LiveCommand command, string? clientId)
    {
        try
        {
            return await nodes.Grain(sessionId).Submit(userId, command, clientId);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            logger.LogWarning(ex, "Session {Session} was unreachable for a change; answered unavailable", sessionId);
            nodes.ResubscribeSoon();
            return CommandResult.Refused(CommandResult.UnavailableCode,
                "Not saved: the interview is moving to another server. Your change will be retried.");
        }
    }

    public async Task<SyncResult?> SyncAsync(Guid sessionId, Guid userId, long lastSeq, CancellationToken ct)
    {
        try
        {
            return await nodes.Grain(sessionId).Sync(userId, lastSeq);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            throw new HubException("unavailable: the interview is moving to another server; the room will load in a moment.");
        }
    }

    public async Task<ChatPage?> ChatBeforeAsync(Guid sessionId, Guid userId, long beforeSeq, CancellationToken ct)
    {
        try
        {
            return await nodes.Grain(sessionId).ChatBefore(userId, beforeSeq);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            throw new HubException("unavailable: the interview is moving to another server; try again shortly.");
        }
    }

    public async Task<CommandResult> StartReturnMatchAsync(Guid sessionId, Guid userId, string startedBy)
    {
        try
        {
            return await nodes.Grain(sessionId).StartReturnMatch(userId, startedBy);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            return CommandResult.Refused(CommandResult.UnavailableCode, "The interview is moving to another server; try again in a moment.");
        }
    }

    public async Task RelayAsync(Guid sessionId, RoomRelay relay)
    {
        try
        {
            await nodes.Grain(sessionId).Relay(nodes.Node, relay);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            // Volatile: the next cursor position or signal supersedes this one.
        }
    }
}
