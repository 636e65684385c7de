using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rubrics;

/// <summary>
/// Puts every rubric under <c>rubrics/</c> into PostgreSQL at start-up, after the migrations (hosted services
/// start in registration order, and AddRubrics comes after AddData). A new id and version is inserted; a known one
/// must have the same content hash, or start-up stops with the file to fix.
/// </summary>
internal sealed class ShippedRubricSync(
    IServiceScopeFactory scopes,
    ShippedRubricLibrary library,
    TimeProvider clock,
    ILogger<ShippedRubricSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            var inserted = await LoadAsync(db, library, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation(
                "Rubric library {Directory}: {Count} rubric(s), {Inserted} new version(s) stored",
                library.Directory, library.Library.Rubrics.Count, inserted);
        }
        catch (RubricVersionConflictException ex)
        {
            logger.LogCritical("{Message}", ex.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Inserts the library's rubrics that are not stored yet and checks the others, all in one transaction, so a
    /// conflict stores nothing. Safe when several nodes start at once: INSERT … ON CONFLICT DO NOTHING waits for a
    /// concurrent insert of the same row and then skips it, and every node inserts in the same (file) order.
    /// </summary>
    /// <returns>How many versions were new.</returns>
    /// <exception cref="RubricVersionConflictException">A file changed but kept a stored version.</exception>
    public static async Task<int> LoadAsync(AppDbContext db, ShippedRubricLibrary library, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inserted = 0;
        var conflicts = new List<string>();
        foreach (var loaded in library.Library.AllVersions)
        {
            var rubric = loaded.Rubric;
            inserted += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO rubrics ("RubricId", "Version", "OwnerId", "Title", "Json", "ContentHash", "CreatedAt")
                VALUES ({rubric.Id}, {rubric.Version}, NULL, {rubric.Title}, {loaded.Json}, {loaded.ContentHash}, {now})
                ON CONFLICT ("RubricId", "Version") WHERE "OwnerId" IS NULL DO NOTHING
                """, ct);

            var storedHash = await db.Set<StoredRubric>()
                .Where(r => r.OwnerId == null && r.RubricId == rubric.Id && r.Version == rubric.Version)
                .Select(r => r.ContentHash)
                .SingleAsync(ct);
            if (storedHash != loaded.ContentHash)
            {
                var newest = await db.Set<StoredRubric>()
                    .Where(r => r.OwnerId == null && r.RubricId == rubric.Id)
                    .MaxAsync(r => r.Version, ct);
                conflicts.Add(ConflictMessage(library.DisplayName(loaded), rubric, newest));
            }
        }

        if (conflicts.Count > 0)
        {
            await transaction.RollbackAsync(ct);
            throw new RubricVersionConflictException(conflicts);
        }
        await transaction.CommitAsync(ct);
        return inserted;
    }

    private static string ConflictMessage(string file, Rubric rubric, int newestStored) =>
        $"{file} changed but its version is still {rubric.Version}: bump version to {newestStored + 1} "
        + $"(rubric '{rubric.Id}'; the database holds version {rubric.Version} with other content, and sessions scored against it must keep finding that text).";
}
