using MockLoop.Web.Accounts;

namespace MockLoop.Web.Rooms;

public sealed partial class InterviewHub
{
    /// <summary>Roles reversed, same partner, a different case. Returns the new room's address.</summary>
    public async Task<CommandResult> StartReturnMatch()
    {
        if (!limits.TryTake(Context, RateKind.Durable))
        {
            return CommandResult.Refused("rate_limited", "Too many changes at once; slow down and try again.");
        }
        var name = Context.User?.FindFirst(AppClaims.DisplayName)?.Value ?? "Your partner";
        return await rooms.StartReturnMatchAsync(Context.SessionId(), Context.User.UserId(), name);
    }
}
