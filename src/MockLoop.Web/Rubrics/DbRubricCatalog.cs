using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rubrics;

/// <summary>What identifies a stored rubric row's content, as a query that joined it selects.</summary>
public sealed record StoredRubricKey(long RowId, string RubricId, int Version, Guid? OwnerId, string ContentHash);

/// <summary>
/// Rubrics from PostgreSQL (every shipped version, plus each user's own uploads); cases and components from the
/// shipped library, since those are not uploaded.
/// </summary>
/// <remarks>
/// The versions in <c>rubrics/</c> are served from memory: start-up proved the stored row of each has the same
/// content hash, so the database is only read for older shipped versions and for uploads.
/// Visibility: a viewer sees shipped rubrics and their own. Uploads cannot take a shipped id, but a rubric shipped
/// later might take the id of an older upload; for that user their own rubric wins at the same version, and the
/// shipped one is left out of their choices (docs/decisions/031).
/// </remarks>
public sealed class DbRubricCatalog(IServiceScopeFactory scopes, ShippedRubricLibrary shipped, RubricCache cache) : IRubricCatalog
{
    private LibraryLoadResult Library => shipped.Library;

    public async Task<Rubric?> FindAsync(string id, int version, Guid userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var chosen = Choose(await VisibleAsync(db, userId, id, version, ct));
        return chosen is null ? null : await ParseAsync(db, chosen, ct);
    }

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
        var headers = await VisibleAsync(db, userId, null, null, ct);

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

        var parsed = await cache.GetAsync(db, newest, ct);
        return newest.Select(h => ToEntry(h, parsed)).ToList();
    }

    /// <summary>One version as the viewer may see it, with the other versions of the same rubric; null if it is not theirs to see.</summary>
    public async Task<RubricDetail?> DetailAsync(string id, int version, Guid? userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var headers = await VisibleAsync(db, userId, id, null, ct);
        var chosen = Choose(headers.Where(h => h.Version == version));
        if (chosen is null)
        {
            return null;
        }

        var rubric = await ParseAsync(db, chosen, ct);
        var versions = headers.Where(h => h.OwnerId == chosen.OwnerId).Select(h => h.Version).Order().ToList();
        return new RubricDetail(new RubricEntry(rubric, chosen.IsCustom, chosen.ContentHash), versions);
    }

    /// <summary>The text of a version the viewer may see, exactly as it was written.</summary>
    public async Task<string?> JsonAsync(string id, int version, Guid? userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var chosen = Choose(await VisibleAsync(db, userId, id, version, ct));
        return chosen?.Loaded?.Json
            ?? (chosen?.RowId is { } rowId
                ? await db.Set<StoredRubric>().Where(r => r.Id == rowId).Select(r => r.Json).SingleAsync(ct)
                : null);
    }

    /// <summary>
    /// The rubric a session scored against, given the stored row its query already joined (the creator's own upload
    /// first, as <see cref="FindAsync"/> chooses): the shipped library's copy from memory, else the parsed row from the
    /// cache, reading the row's text only the first time this process needs that content. Null when it has neither.
    /// </summary>
    public async Task<Rubric?> ForSessionAsync(AppDbContext db, string id, int version, StoredRubricKey? row, CancellationToken ct = default)
    {
        // Like VisibleAsync: a shipped version in the library is served from memory, whether or not its row is read.
        if (row is null or { OwnerId: null }
            && Library.AllVersions.FirstOrDefault(r => r.Rubric.Id == id && r.Rubric.Version == version) is { } shipped)
        {
            return shipped.Rubric;
        }
        return row is null
            ? null
            : await ParseAsync(db, new RubricHeader(row.RubricId, row.Version, row.OwnerId, "", row.ContentHash, row.RowId, null), ct);
    }

    /// <summary>
    /// The versions the viewer may see, of one rubric id (or all) and one version (or all), with the shipped
    /// library's current versions taken from memory instead of their rows.
    /// </summary>
    private async Task<List<RubricHeader>> VisibleAsync(AppDbContext db, Guid? userId, string? id, int? version, CancellationToken ct)
    {
        var rows = db.Set<StoredRubric>().AsNoTracking();
        rows = userId is { } owner && owner != Guid.Empty
            ? rows.Where(r => r.OwnerId == null || r.OwnerId == owner)
            : rows.Where(r => r.OwnerId == null);
        if (id is not null)
        {
            rows = rows.Where(r => r.RubricId == id);
        }
        if (version is not null)
        {
            rows = rows.Where(r => r.Version == version);
        }
        var stored = await rows.Select(Header).ToListAsync(ct);

        var library = Library.AllVersions
            .Where(r => (id is null || r.Rubric.Id == id) && (version is null || r.Rubric.Version == version))
            .Select(r => new RubricHeader(r.Rubric.Id, r.Rubric.Version, null, r.Rubric.Title, r.ContentHash, null, r))
            .ToList();
        var inLibrary = library.Select(h => (h.RubricId, h.Version)).ToHashSet();
        return library
            .Concat(stored.Where(h => h.IsCustom || !inLibrary.Contains((h.RubricId, h.Version))))
            .ToList();
    }

    private async Task<Rubric> ParseAsync(AppDbContext db, RubricHeader header, CancellationToken ct) =>
        header.Loaded?.Rubric ?? (await cache.GetAsync(db, [header], ct))[header.RowId!.Value];

    private static readonly Expression<Func<StoredRubric, RubricHeader>> Header =
        r => new RubricHeader(r.RubricId, r.Version, r.OwnerId, r.Title, r.ContentHash, r.Id, null);

    /// <summary>The viewer's own version first, then the shipped one.</summary>
    private static RubricHeader? Choose(IEnumerable<RubricHeader> sameVersion) =>
        sameVersion.OrderBy(h => h.IsCustom ? 0 : 1).FirstOrDefault();

    private static RubricEntry ToEntry(RubricHeader header, IReadOnlyDictionary<long, Rubric> parsed) =>
        new(header.Loaded?.Rubric ?? parsed[header.RowId!.Value], header.IsCustom, header.ContentHash);
}
