using Microsoft.EntityFrameworkCore;
using MockLoop.Web.Data;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Rooms.Live;

public sealed partial class SessionWriter
{
    /// <summary>
    /// Peer swap: either participant of an ended session starts the return match in one click. Under the writer's
    /// lock and recorded on the session, so two clicks make one match. The host announces the returned room.
    /// </summary>
    public async Task<(string? Url, CommandResult? Error)> StartReturnMatchAsync(Guid userId)
    {
        await _gate.WaitAsync();
        try
        {
            if (RoleOf(userId) is null)
            {
                return (null, CommandResult.Refused("not_a_participant", "You are not a participant in this interview."));
            }
            if (!_state.IsEnded)
            {
                return (null, CommandResult.Refused("not_ended", "Finish this interview before starting the return match."));
            }

            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == Id);
            var returnId = row.ReturnMatchId;
            if (returnId is null)
            {
                var cases = scope.ServiceProvider.GetRequiredService<IRubricCatalog>().CasesFor(row.RubricId).Select(c => c.Id).ToList();
                // The new candidate is this session's interviewer: none of the cases whose material they have seen.
                var seen = await scope.ServiceProvider.GetRequiredService<Cases.CaseMaterialService>().CasesSeenByAsync(row.InterviewerId!.Value);
                var created = await scope.ServiceProvider.GetRequiredService<SessionService>().CreateReturnMatchAsync(row, cases, seen);
                returnId = created.Id;
            }
            return ($"/s/{returnId}", null);
        }
        finally
        {
            _gate.Release();
        }
    }
}
