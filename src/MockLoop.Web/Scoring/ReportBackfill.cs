using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Reports;
using MockLoop.Web.Data;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Scoring;

/// <summary>
/// Computes the stored report of every scorecard that has none, or one of an older shape, before the app takes
/// requests (after the migrations and the rubric sync). The verdict rules live in C#, not SQL, so this is the data
/// half of the migration that made the table (docs/decisions/165). A stored projection of the current shape is the
/// record that a session is done, so a later start only runs one anti-join that finds nothing.
/// </summary>
internal sealed class ReportBackfill(IServiceScopeFactory scopes, ILogger<ReportBackfill> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        List<Guid> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            pending = await Pending(scope.ServiceProvider.GetRequiredService<AppDbContext>()).ToListAsync(cancellationToken);
        }
        if (pending.Count == 0)
        {
            return;
        }
        var filled = 0;
        foreach (var sessionId in pending)
        {
            try
            {
                filled += await ProjectAsync(scopes, sessionId, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One unreadable session must not keep the app down; its report page tries again when opened.
                logger.LogError(ex, "The report of session {Session} could not be computed", sessionId);
            }
        }
        logger.LogInformation("Stored reports back-filled for {Filled} of {Pending} submitted session(s)", filled, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Submitted sessions without a stored report of the current shape.</summary>
    public static IQueryable<Guid> Pending(AppDbContext db) =>
        db.Set<ScorecardRow>()
            .Where(c => !db.Set<ReportProjectionRow>().Any(p => p.SessionId == c.SessionId && p.Version >= ReportProjection.CurrentVersion))
            .Select(c => c.SessionId);

    /// <summary>
    /// Computes and stores one session's report from its tables and log, in a scope of its own; false when it has no
    /// scorecard or its rubric is gone. Safe beside a live write and on several nodes at once (see SaveAsync).
    /// </summary>
    public static async Task<bool> ProjectAsync(IServiceScopeFactory scopes, Guid sessionId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<IRubricCatalog>();
        var card = await db.Set<ScorecardRow>().AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        var creator = await db.Sessions.Where(s => s.Id == sessionId).Select(s => (Guid?)s.CreatedById).FirstOrDefaultAsync(ct);
        if (card is null || creator is null
            || await catalog.FindAsync(card.RubricId, card.RubricVersion, creator.Value, ct) is not { } rubric)
        {
            return false;
        }
        var interviewCase = card.CaseId is null ? null : catalog.FindCase(card.CaseId);
        var projection = await ReportProjections.FromTablesAsync(db, card, rubric, interviewCase, ct);
        await ReportProjections.SaveAsync(db, sessionId, projection, replaceCurrent: false, ct);
        return true;
    }
}
