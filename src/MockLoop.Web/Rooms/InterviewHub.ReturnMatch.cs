using MockLoop.Web.Accounts;

namespace MockLoop.Web.Rooms;

public sealed partial class InterviewHub
{
    /// <summary>Roles reversed, same partner, a different case. Returns the new room's address.</summary>
    [Limited(RateKind.Durable)]
    public async Task<CommandResult> StartReturnMatch()
    {
        var name = Context.User?.FindFirst(AppClaims.DisplayName)?.Value ?? "Your partner";
        return await rooms.StartReturnMatchAsync(Context.SessionId(), Context.User.UserId(), name);
    }
}
