using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rubrics;

/// <summary>
/// Rubrics from PostgreSQL (every shipped version, plus each user's own uploads); cases and components from the
/// shipped library, since those are not uploaded.
/// </summary>
/// <remarks>
/// Visibility: a viewer sees shipped rubrics and their own. Uploads cannot take a shipped id, but a rubric shipped
/// later might take the id of an older upload; for that user their own rubric wins at the same version, and the
/// shipped one is left out of their choices (docs/decisions/031).
/// </remarks>
public sealed class DbRubricCatalog(IServiceScopeFactory scopes, ShippedRubricLibrary shipped, RubricCache cache) : IRubricCatalog
{
    private LibraryLoadResult Library => shipped.Library;

    public async Task<Rubric?> FindAsync(string id, int version, Guid userId, CancellationToken ct = default) =>
        (await FindEntryAsync(id, version, userId, ct))?.Rubric;

    public async Task<IReadOnlyList<RubricChoice>> ChoicesForAsync(Guid userId, CancellationToken ct = default) =>
        (await ListAsync(userId, ct))
        .Select(e => new RubricChoice(e.Rubric.Id, e.Rubric.Version, e.Rubric.Title, e.IsCustom))
        .ToList();

    public IReadOnlyList<InterviewCase> CasesFor(string rubricId) => Library.CasesFor(rubricId);

    public InterviewCase? FindCase(string caseId) => Library.Cases.FirstOrDefault(c => c.Id == caseId);

    public ComponentVocabulary Components => Library.Components!;

    /// <summary>Every case in the library, in file order.</summary>
    public IReadOnlyList<InterviewCase> Cases => Library.Cases;

    /// <summary>
    /// The newest version of each rubric the viewer may pick: the shipped rubrics still in <c>rubrics/</c> (older
    /// and retired ones stay loadable but are not offered), then the viewer's own, each group by title.
    /// </summary>
    public async Task<IReadOnlyList<RubricEntry>> ListAsync(Guid? userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var headers = await Visible(db, userId).Select(Header).ToListAsync(ct);

        var ownIds = headers.Where(h => h.IsCustom).Select(h => h.RubricId).ToHashSet(StringComparer.Ordinal);
        var shippedIds = Library.Rubrics.Select(r => r.Rubric.Id).Where(id => !ownIds.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var newest = headers
            .Where(h => h.IsCustom || shippedIds.Contains(h.RubricId))
            .GroupBy(h => (h.RubricId, h.IsCustom))
            .Select(g => g.MaxBy(h => h.Version)!)
            .OrderBy(h => h.IsCustom)
            .ThenBy(h => h.Title, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(h => h.RubricId, StringComparer.Ordinal)
            .ToList();

        var rubrics = await cache.GetAsync(db, newest.Select(h => h.RowId).ToList(), ct);
        return newest.Select(h => ToEntry(h, rubrics[h.RowId])).ToList();
    }

    /// <summary>One version as the viewer may see it, with the other versions of the same rubric; null if it is not theirs to see.</summary>
    public async Task<RubricDetail?> DetailAsync(string id, int version, Guid? userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var headers = await Visible(db, userId).Where(r => r.RubricId == id).Select(Header).ToListAsync(ct);
        var chosen = Choose(headers.Where(h => h.Version == version));
        if (chosen is null)
        {
            return null;
        }

        var rubrics = await cache.GetAsync(db, [chosen.RowId], ct);
        var versions = headers.Where(h => h.OwnerId == chosen.OwnerId).Select(h => h.Version).Order().ToList();
        return new RubricDetail(ToEntry(chosen, rubrics[chosen.RowId]), versions);
    }

    /// <summary>The stored text of a version the viewer may see, exactly as it was written.</summary>
    public async Task<string?> JsonAsync(string id, int version, Guid? userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var chosen = Choose(await Visible(db, userId).Where(r => r.RubricId == id && r.Version == version).Select(Header).ToListAsync(ct));
        return chosen is null
            ? null
            : await db.Set<StoredRubric>().Where(r => r.Id == chosen.RowId).Select(r => r.Json).SingleAsync(ct);
    }

    private async Task<RubricEntry?> FindEntryAsync(string id, int version, Guid? userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var chosen = Choose(await Visible(db, userId).Where(r => r.RubricId == id && r.Version == version).Select(Header).ToListAsync(ct));
        if (chosen is null)
        {
            return null;
        }
        var rubrics = await cache.GetAsync(db, [chosen.RowId], ct);
        return ToEntry(chosen, rubrics[chosen.RowId]);
    }

    /// <summary>The viewer's own version first, then the shipped one.</summary>
    private static RubricHeader? Choose(IEnumerable<RubricHeader> sameVersion) =>
        sameVersion.OrderBy(h => h.IsCustom ? 0 : 1).FirstOrDefault();

    private static IQueryable<StoredRubric> Visible(AppDbContext db, Guid? userId)
    {
        var rows = db.Set<StoredRubric>().AsNoTracking();
        return userId is { } owner && owner != Guid.Empty
            ? rows.Where(r => r.OwnerId == null || r.OwnerId == owner)
            : rows.Where(r => r.OwnerId == null);
    }

    private static readonly Expression<Func<StoredRubric, RubricHeader>> Header =
        r => new RubricHeader(r.Id, r.RubricId, r.Version, r.OwnerId, r.Title, r.ContentHash, r.CreatedAt);

    private static RubricEntry ToEntry(RubricHeader header, Rubric rubric) =>
        new(header.RowId, rubric, header.IsCustom, header.ContentHash, header.CreatedAt);
}
