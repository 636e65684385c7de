using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using MockLoop.Core.Sessions;
using MockLoop.Web.Rooms.Call;
using MockLoop.Web.Rooms.Grains;

namespace MockLoop.Web.Rooms;

/// <summary>
/// The video call's signalling: relayed to the other participant of this session and to nobody else, never stored.
/// The membership gate made this connection a member; each message is then bounded, rate-limited, and if it names a
/// recipient, that must be this session's other participant. It goes to the partner's seat group only, so it reaches
/// neither a third party nor the sender's own other tabs.
/// </summary>
public sealed partial class InterviewHub
{
    /// <summary>The ICE servers for RTCPeerConnection (possibly none), with per-user TURN credentials where configured.</summary>
    public IReadOnlyList<IceServerView> CallIceServers([FromServices] IOptions<CallOptions> options, [FromServices] TimeProvider clock) =>
        TurnCredentials.ServersFor(options.Value, Context.User.UserId(), clock.GetUtcNow());

    /// <summary>Screen sharing is the candidate's (the rooms offer it to them only), so only they may announce it.</summary>
    [Limited(RateKind.CallSignal)]
    public Task<CallResult> CallPresence(CallPresenceRequest request) =>
        RelayCallAsync(CallSignalRules.CheckPresence(request), request?.To, nameof(IRoomClient.CallPresence), from =>
            new CallPresenceMessage(from, request!.CallId, request.State, request.ToCallId, request.Audio, request.Video, request.Screen),
            (group, message) => group.CallPresence(message), announcesScreen: request?.Screen == true);

    [Limited(RateKind.CallSignal)]
    public Task<CallResult> CallDescription(CallDescriptionRequest request) =>
        RelayCallAsync(CallSignalRules.CheckDescription(request), request?.To, nameof(IRoomClient.CallDescription), from =>
            new CallDescriptionMessage(from, request!.CallId, request.ToCallId, request.Type, request.Sdp),
            (group, message) => group.CallDescription(message));

    [Limited(RateKind.CallSignal)]
    public Task<CallResult> CallCandidate(CallCandidateRequest request) =>
        RelayCallAsync(CallSignalRules.CheckCandidate(request), request?.To, nameof(IRoomClient.CallCandidate), from =>
            new CallCandidateMessage(from, request!.CallId, request.ToCallId, request.Candidate, request.SdpMid,
                request.SdpMLineIndex, request.UsernameFragment),
            (group, message) => group.CallCandidate(message));

    private async Task<CallResult> RelayCallAsync<TMessage>(
        string? problem, Guid? to, string method, Func<Guid, TMessage> message, Func<IRoomClient, TMessage, Task> send,
        bool announcesScreen = false)
    {
        if (problem is not null)
        {
            return CallResult.Refused("bad_signal", problem);
        }
        var sessionId = Context.SessionId();
        var me = Context.User.UserId();
        var partner = await CallPartnerAsync(sessionId, me);
        if (partner is null)
        {
            return CallResult.Refused("no_partner", "Nobody has taken the other seat yet, so there is nobody to call.");
        }
        if (to is { } target && target != partner.UserId)
        {
            logger.LogWarning("Refused a call message from {User} in {Session} addressed to {Target}, who is not their partner",
                me, sessionId, target);
            return CallResult.Refused("not_your_partner", "Call messages can only go to the other participant of this interview.");
        }
        if (announcesScreen && partner.Role == SeatRole.Candidate)
        {
            return CallResult.Refused("candidate_only", "Only the candidate shares their screen.");
        }
        var signal = message(me);
        var group = RoomGroups.For(sessionId, partner.Role);
        await send(Clients.Group(group), signal);
        // The partner may be connected to another node: the session's grain passes the signal on (cluster only).
        RelayToOtherNodes(() => RoomRelays.For(method, group, signal), sessionId);
        return CallResult.Relayed;
    }

    /// <summary>
    /// The other seat of this connection's session. Seats are never given up, so once taken it is remembered for the
    /// connection and the database is not asked again for every ICE candidate.
    /// </summary>
    private async Task<Participant?> CallPartnerAsync(Guid sessionId, Guid me)
    {
        if (Context.Items.TryGetValue(CallPartnerKey, out var known) && known is Participant cached)
        {
            return cached;
        }
        var room = await Sessions.GetRoomAsync(sessionId, me, Context.ConnectionAborted);
        if (room?.MyRole is null)
        {
            throw new HubException("You are not a participant in this interview.");
        }
        var partner = room.Participants.FirstOrDefault(p => p.UserId != me);
        if (partner is not null)
        {
            Context.Items[CallPartnerKey] = partner;
        }
        return partner;
    }

    private const string CallPartnerKey = "mockloop:call:partner";
}
