using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rubrics;

/// <summary>
/// Parsed rubrics by content hash. A parsed rubric depends only on the canonical content the hash covers (its id
/// and version included), so an entry can never go stale, whatever happens to rows and their keys; each stored
/// text is read and parsed once per process.
/// </summary>
public sealed class RubricCache
{
    private readonly ConcurrentDictionary<string, Rubric> _byHash = new(StringComparer.Ordinal);

    /// <summary>The parsed rubrics of these stored versions by row id, reading the JSON only of those not parsed yet.</summary>
    internal async Task<IReadOnlyDictionary<long, Rubric>> GetAsync(AppDbContext db, IReadOnlyCollection<RubricHeader> headers, CancellationToken ct)
    {
        var found = new Dictionary<long, Rubric>();
        var missing = new List<long>();
        foreach (var header in headers.Where(h => h.RowId is not null))
        {
            if (_byHash.TryGetValue(header.ContentHash, out var rubric))
            {
                found[header.RowId!.Value] = rubric;
            }
            else
            {
                missing.Add(header.RowId!.Value);
            }
        }

        if (missing.Count > 0)
        {
            var rows = await db.Set<StoredRubric>().AsNoTracking()
                .Where(r => missing.Contains(r.Id))
                .Select(r => new { r.Id, r.RubricId, r.Version, r.ContentHash, r.Json })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                found[row.Id] = _byHash.GetOrAdd(row.ContentHash, _ => Parse(row.RubricId, row.Version, row.ContentHash, row.Json));
            }
        }

        return found;
    }

    /// <summary>Stored JSON was valid and hashed when it went in; anything else means the row was altered behind the app's back.</summary>
    private static Rubric Parse(string rubricId, int version, string contentHash, string json)
    {
        var name = $"stored rubric '{rubricId}' version {version}";
        var result = RubricParser.Parse(name, json);
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"The {name} no longer validates: {string.Join("; ", result.Problems)}");
        }
        if (result.Value.Id != rubricId || result.Value.Version != version || ContentHash.OfJson(json) != contentHash)
        {
            throw new InvalidOperationException($"The {name} does not match its id, version or content hash: the row was changed outside MockLoop.");
        }
        return result.Value;
    }
}
