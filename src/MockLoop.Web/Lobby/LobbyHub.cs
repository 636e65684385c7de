using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Pairing;
using MockLoop.Core.Text;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Lobby;

/// <summary>The lobby's channel: queue, leave, and hear about counts and matches. Rules live in Core's PairingQueue, the queue in ILobby.</summary>
[Authorize]
public sealed class LobbyHub(ILobby lobby, IRubricCatalog catalog, Schedule.LobbyPriority priority) : Hub<ILobbyClient>, ILobbyHub
{
    public override async Task OnConnectedAsync()
    {
        await lobby.ConnectedAsync(Context.User.UserId(), Context.ConnectionId);
        await Clients.Caller.Counts(await lobby.CountsAsync());
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await lobby.DisconnectedAsync(Context.User.UserId(), Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <param name="role">candidate | interviewer | either</param>
    /// <param name="rubric">"id@version" of a shipped rubric</param>
    /// <param name="caseId">a case of that rubric, or empty for any</param>
    public async Task<LobbyJoinResult> Join(string role, string rubric, string? caseId)
    {
        foreach (var (what, text) in new[] { ("role", role), ("rubric", rubric), ("case", caseId) })
        {
            if (StorableText.Check(text) is { } problem)
            {
                return new LobbyJoinResult(false, Error: $"The {what} {problem.Describe()}; choose it from the lists.", Code: StorableText.ErrorCode);
            }
        }
        PairingRole? parsed = role switch
        {
            "candidate" => PairingRole.Candidate,
            "interviewer" => PairingRole.Interviewer,
            "either" => PairingRole.Either,
            _ => null,
        };
        if (parsed is null)
        {
            return new LobbyJoinResult(false, Error: "Choose candidate, interviewer or either.");
        }
        try
        {
            return await JoinQueueAsync(parsed.Value, rubric, caseId);
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex))
        {
            // Nothing was queued; the page sends the same join again with backoff (as the room does with its changes).
            return new LobbyJoinResult(false, Error: "The lobby cannot reach its database just now; trying again.", Code: "unavailable");
        }
    }

    private async Task<LobbyJoinResult> JoinQueueAsync(PairingRole role, string rubric, string? caseId)
    {
        var choices = await catalog.ChoicesForAsync(Context.User.UserId());
        var chosen = choices.FirstOrDefault(c => !c.IsCustom && $"{c.Id}@{c.Version}" == rubric);
        if (chosen is null)
        {
            return new LobbyJoinResult(false, Error: "Choose one of the shipped rubrics (your own rubrics are for invite links).");
        }
        if (!string.IsNullOrWhiteSpace(caseId) && catalog.CasesFor(chosen.Id).All(c => c.Id != caseId))
        {
            return new LobbyJoinResult(false, Error: "That case is not written for the chosen rubric.");
        }
        var atHead = await priority.HasAsync(Context.User.UserId());
        return await lobby.JoinAsync(Context.User.UserId(), role, rubric, caseId, atHead);
    }

    public Task Leave() => lobby.LeaveAsync(Context.User.UserId());
}
