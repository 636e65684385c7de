using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rubrics;

/// <summary>
/// Parsed rubrics by stored row. Rows are immutable (an id and version never changes content), so an entry never
/// goes stale and the JSON is read and parsed once per row per process.
/// </summary>
public sealed class RubricCache
{
    private readonly ConcurrentDictionary<long, Rubric> _byRow = new();

    public int Count => _byRow.Count;

    /// <summary>The parsed rubrics of these rows, reading the JSON only of rows not parsed yet.</summary>
    public async Task<IReadOnlyDictionary<long, Rubric>> GetAsync(AppDbContext db, IReadOnlyCollection<long> rowIds, CancellationToken ct)
    {
        var found = new Dictionary<long, Rubric>();
        var missing = new List<long>();
        foreach (var rowId in rowIds.Distinct())
        {
            if (_byRow.TryGetValue(rowId, out var rubric))
            {
                found[rowId] = rubric;
            }
            else
            {
                missing.Add(rowId);
            }
        }

        if (missing.Count > 0)
        {
            var rows = await db.Set<StoredRubric>().AsNoTracking()
                .Where(r => missing.Contains(r.Id))
                .Select(r => new { r.Id, r.RubricId, r.Version, r.Json })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                found[row.Id] = _byRow.GetOrAdd(row.Id, _ => Parse(row.RubricId, row.Version, row.Json));
            }
        }

        return found;
    }

    /// <summary>Stored JSON was valid when it went in; failing now means the row was altered behind the app's back.</summary>
    private static Rubric Parse(string rubricId, int version, string json)
    {
        var result = RubricParser.Parse($"stored rubric '{rubricId}' version {version}", json);
        if (!result.IsValid)
        {
            throw new InvalidOperationException(
                $"The stored rubric '{rubricId}' version {version} no longer validates: {string.Join("; ", result.Problems)}");
        }
        if (result.Value.Id != rubricId || result.Value.Version != version)
        {
            throw new InvalidOperationException(
                $"The stored rubric row '{rubricId}' version {version} holds '{result.Value.Id}' version {result.Value.Version}.");
        }
        return result.Value;
    }
}
