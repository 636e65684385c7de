using System.Text.Json;
using MockLoop.Core.Text;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rubrics;

/// <summary>What became of an uploaded rubric: stored (or already stored exactly so), or refused with every problem.</summary>
public sealed record UploadOutcome(string? RubricId, int? Version, bool AlreadyStored, IReadOnlyList<RubricProblem> Problems)
{
    public bool IsStored => Problems.Count == 0;

    public static UploadOutcome Stored(Rubric rubric, bool already) => new(rubric.Id, rubric.Version, already, []);

    public static UploadOutcome Refused(IReadOnlyList<RubricProblem> problems) => new(null, null, false, problems);

    public static UploadOutcome Refused(string source, string path, string reason) => Refused([new RubricProblem(source, path, reason)]);
}

/// <summary>
/// Validates and stores a user's own rubric. Custom rubrics are private to their owner; an id and version is unique
/// per owner, and the ids of shipped rubrics are reserved.
/// </summary>
public sealed class CustomRubricUploads(AppDbContext db, ShippedRubricLibrary shipped, TimeProvider clock)
{
    /// <summary>The largest rubric accepted, in bytes of UTF-8 (the shipped one is about 25 KB).</summary>
    public const int MaxBytes = 256 * 1024;

    public static string MaxSizeText => $"{MaxBytes / 1024} KB";

    /// <summary>The rubric is stored as jsonb, which refuses a NUL escape or a lone surrogate anywhere in it.</summary>
    private static (string Path, TextProblem Problem)? UnstorableText(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return StorableText.FindInJson(document.RootElement);
        }
        catch (JsonException)
        {
            return null; // Not JSON: the parser explains where.
        }
    }

    /// <param name="source">Names the input in problems: the uploaded file's name, or "pasted JSON".</param>
    public async Task<UploadOutcome> StoreAsync(Guid ownerId, string source, string json, CancellationToken ct = default)
    {
        if (UnstorableText(json) is { } bad)
        {
            return UploadOutcome.Refused(source, bad.Path,
                $"The text {bad.Problem.Describe()}, which cannot be stored: remove it (only tab and line breaks are allowed among control characters).");
        }
        var parsed = RubricParser.Parse(source, json);
        if (!parsed.IsValid)
        {
            return UploadOutcome.Refused(parsed.Problems);
        }

        var rubric = parsed.Value;
        if (await IsShippedIdAsync(rubric.Id, ct))
        {
            var example = rubric.Id.Length <= StoredRubric.RubricIdMaxLength - 3 ? $" such as 'my-{rubric.Id}'" : "";
            return UploadOutcome.Refused(source, "$.id",
                $"'{rubric.Id}' is the id of a rubric that ships with MockLoop; give your rubric an id of its own{example}.");
        }

        var hash = ContentHash.OfJson(json);
        var now = clock.GetUtcNow();
        // ON CONFLICT rather than a read first: two uploads of the same id and version at once cannot both get in.
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO rubrics ("RubricId", "Version", "OwnerId", "Title", "Json", "ContentHash", "CreatedAt")
            VALUES ({rubric.Id}, {rubric.Version}, {ownerId}, {rubric.Title}, {json}, {hash}, {now})
            ON CONFLICT ("OwnerId", "RubricId", "Version") WHERE "OwnerId" IS NOT NULL DO NOTHING
            """, ct);
        if (inserted == 1)
        {
            return UploadOutcome.Stored(rubric, already: false);
        }

        var mine = db.Set<StoredRubric>().Where(r => r.OwnerId == ownerId && r.RubricId == rubric.Id);
        var storedHash = await mine.Where(r => r.Version == rubric.Version).Select(r => r.ContentHash).SingleAsync(ct);
        if (storedHash == hash)
        {
            return UploadOutcome.Stored(rubric, already: true);
        }

        var newest = await mine.MaxAsync(r => r.Version, ct);
        return UploadOutcome.Refused(source, "$.version",
            $"you already have '{rubric.Id}' version {rubric.Version} with different content; raise \"version\" to {newest + 1} to store this one (sessions scored against version {rubric.Version} keep using it).");
    }

    /// <summary>Shipped now, or shipped once (a retired rubric keeps its id: old sessions still name it).</summary>
    private async Task<bool> IsShippedIdAsync(string id, CancellationToken ct) =>
        shipped.Library.FindRubric(id) is not null
        || await db.Set<StoredRubric>().AnyAsync(r => r.OwnerId == null && r.RubricId == id, ct);
}
