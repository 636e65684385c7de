using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>
/// Sessions on their grains (on every node, one or many). A call that meets the session moving (its node stopping
/// or dead) is sent again to wherever the session comes back, for up to <see cref="MoveGrace"/>, when sending it again
/// is safe: reads, presence, and commands with a client id (the writer recognises a resend by author and id). Only a
/// session that has not come back by then, or a command without an id, is answered <c>unavailable</c>
/// (docs/decisions/050 and 110): nothing was acknowledged, and the client resends.
/// </summary>
public sealed class GrainRoomSessions(
    ClusterSessions nodes, IClusterMembershipService membership, ILogger<GrainRoomSessions> logger) : IRoomSessions
{
    /// <summary>
    /// How long a call waits, in all, for a session to come back elsewhere: a graceful stop hands over in well under
    /// a second; a kill -9 is noticed in about two (ADR 101) before the session reloads on a survivor.
    /// </summary>
    public static readonly TimeSpan MoveGrace = TimeSpan.FromSeconds(10);

    /// <summary>A node alone (the common case) relays nothing: its own hub already reached every connection.</summary>
    public bool SpansNodes => membership.CurrentSnapshot.Members.Count(m => m.Value.Status == SiloStatus.Active) > 1;

    /// <summary>
    /// How long a connection waits for its session to come back before it is let in anyway: the hub has already
    /// found the session and the seat in PostgreSQL, so the connection is accepted and this node subscribes as soon as
    /// the session answers (its refresh loop tries every second). Short, because the client waits for its room state.
    /// </summary>
    public static readonly TimeSpan ConnectGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Never fails because the session is moving (issue 24): waits up to <see cref="ConnectGrace"/> for it, then lets
    /// the connection in and subscribes later. The client then asks Sync, which waits for the session in turn.
    /// </summary>
    public async Task<PresenceChange?> ConnectedAsync(Guid sessionId, Guid userId, InterviewSession row, IReadOnlyList<Participant> participants)
    {
        nodes.Attach(sessionId, userId);
        var names = participants.ToDictionary(p => p.UserId, p => p.DisplayName);
        try
        {
            if (!await WhileMovingAsync(sessionId, _ => nodes.AttachAsync(sessionId, userId), ConnectGrace))
            {
                return null;
            }
            return await WhileMovingAsync(sessionId, async grain =>
            {
                await grain.RefreshSeats(row.InterviewerId, row.CandidateId, names);
                return await grain.Presence(nodes.Node, userId, nodes.ConnectionsOf(sessionId, userId));
            }, ConnectGrace);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex) || ex is SessionStoreUnavailableException)
        {
            logger.LogWarning(ex, "Session {Session} did not answer a connection in time; connected, subscribing as soon as it answers", sessionId);
            nodes.ResubscribeSoon();
            // Presence is announced by the subscription's connection counts once it is made.
            return new PresenceChange(false, []);
        }
    }

    public async Task<PresenceChange> DisconnectedAsync(Guid sessionId, Guid userId)
    {
        var last = nodes.Detach(sessionId, userId);
        try
        {
            return await nodes.Grain(sessionId).Presence(nodes.Node, userId, nodes.ConnectionsOf(sessionId, userId));
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
            // Without a client id a resend could be stored twice: one attempt only.
            return clientId is null
                ? await nodes.Grain(sessionId).Submit(userId, command, clientId)
                : await WhileMovingAsync(sessionId, grain => grain.Submit(userId, command, clientId));
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            logger.LogWarning(ex, "Session {Session} was unreachable for a change; answered unavailable", sessionId);
            nodes.ResubscribeSoon();
            return CommandResult.Refused(CommandCodes.Unavailable,
                "Not saved: the interview is moving to another server. Your change will be retried.");
        }
    }

    public Task<SyncResult?> SyncAsync(Guid sessionId, Guid userId, long lastSeq, CancellationToken ct) =>
        ReadWhileMovingAsync(sessionId, grain => grain.Sync(userId, lastSeq), "the room will load as soon as it can");

    public Task<ChatPage?> ChatBeforeAsync(Guid sessionId, Guid userId, long beforeSeq, CancellationToken ct) =>
        ReadWhileMovingAsync(sessionId, grain => grain.ChatBefore(userId, beforeSeq), "try again shortly");

    public async Task<CommandResult> StartReturnMatchAsync(Guid sessionId, Guid userId, string startedBy)
    {
        try
        {
            return await nodes.Grain(sessionId).StartReturnMatch(userId, startedBy);
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            return CommandResult.Refused(CommandCodes.Unavailable, "The interview is moving to another server; try again in a moment.");
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

    /// <summary>
    /// A read the room asks for (its state, earlier chat): a session that cannot be reached, or whose log cannot be
    /// read, is a hub error starting with "unavailable", which the room asks again after (ADR 050).
    /// </summary>
    private async Task<T> ReadWhileMovingAsync<T>(Guid sessionId, Func<ISessionGrain, Task<T>> read, string then)
    {
        try
        {
            return await WhileMovingAsync(sessionId, read);
        }
        catch (SessionStoreUnavailableException)
        {
            throw new HubException($"unavailable: the database is unavailable; {then}.");
        }
        catch (Exception ex) when (ClusterFailures.IsTransient(ex))
        {
            throw new HubException($"unavailable: the interview is moving to another server; {then}.");
        }
    }

    /// <summary>
    /// Sends a call that is safe to repeat until the session answers, waiting a little longer each time while it
    /// moves (the directory learns the new place as the cluster notices the old node gone).
    /// </summary>
    private async Task<T> WhileMovingAsync<T>(Guid sessionId, Func<ISessionGrain, Task<T>> call, TimeSpan? grace = null)
    {
        var limit = grace ?? MoveGrace;
        var waited = TimeSpan.Zero;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(nodes.Grain(sessionId));
            }
            catch (Exception ex) when (ClusterFailures.IsTransient(ex) && waited < limit)
            {
                var pause = TimeSpan.FromMilliseconds(Math.Min(500, 25 << Math.Min(attempt, 5)));
                logger.LogInformation("Session {Session} is moving ({Failure}); sending again in {Pause} ms",
                    sessionId, ex.GetType().Name, pause.TotalMilliseconds);
                await Task.Delay(pause);
                waited += pause;
            }
        }
    }
}
