using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rubrics;

/// <summary>
/// Start-up puts the shipped rubrics into PostgreSQL, keyed by id and version. Each test gets its own database and
/// its own copy of rubrics/, and restarts the app on them like a redeployed node.
/// </summary>
public sealed class ShippedRubricVersioningTests : IAsyncLifetime
{
    private readonly RubricLibraryCopy _library = new();
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("ver");

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _library.Dispose();
    }

    [Fact]
    public async Task Start_up_stores_each_shipped_rubric_once_and_a_restart_stores_nothing_new()
    {
        await using (new RubricLibraryHost(_database.ConnectionString, _library.Directory).Start())
        {
        }
        var first = await StoredAsync();
        var fileText = await File.ReadAllTextAsync(_library.RubricFile);

        // The current file, the earlier versions kept under versions/ and the 60-minute variant.
        Assert.Equal(ShippedVersions, first.Select(r => (r.RubricId, r.Version)).Order());
        var stored = Current(first);
        Assert.Equal((RubricLibraryCopy.RubricId, 3, (Guid?)null), (stored.RubricId, stored.Version, stored.OwnerId));
        Assert.Equal("Machine-learning system design", stored.Title);
        Assert.Equal(fileText, stored.Json);
        Assert.Equal(ContentHash.OfJson(fileText), stored.ContentHash);

        await using (new RubricLibraryHost(_database.ConnectionString, _library.Directory).Start())
        {
        }
        var second = await StoredAsync();
        Assert.Equal(first.Count, second.Count);
        var again = Current(second);
        Assert.Equal((stored.Id, stored.ContentHash, stored.CreatedAt), (again.Id, again.ContentHash, again.CreatedAt));
    }

    [Fact]
    public async Task A_file_changed_without_a_version_bump_stops_start_up_naming_the_file_id_and_version()
    {
        await using (new RubricLibraryHost(_database.ConnectionString, _library.Directory).Start())
        {
        }
        var before = Current(await StoredAsync());

        _library.EditRubric(rubric => rubric["title"] = "Machine-learning system design (reworded)");

        await using var restarted = new RubricLibraryHost(_database.ConnectionString, _library.Directory);
        var error = FindInChain<RubricVersionConflictException>(Record.Exception(() => restarted.Start()));
        var conflict = Assert.Single(error.Conflicts);
        Assert.StartsWith("rubrics/ml-system-design.json changed but its version is still 3: bump version to 4", conflict);
        Assert.Contains("'ml-system-design'", conflict);
        Assert.Contains(conflict, error.Message);

        var after = Current(await StoredAsync());
        Assert.Equal((before.Id, before.ContentHash, before.Title), (after.Id, after.ContentHash, after.Title));
    }

    [Fact]
    public async Task Reformatting_a_file_without_changing_its_content_is_not_a_change()
    {
        await using (new RubricLibraryHost(_database.ConnectionString, _library.Directory).Start())
        {
        }
        // Rewritten with other indentation and escaping: same canonical JSON, same hash.
        _library.EditRubric(_ => { });

        await using (new RubricLibraryHost(_database.ConnectionString, _library.Directory).Start())
        {
        }
        Assert.Equal(ShippedVersions, (await StoredAsync()).Select(r => (r.RubricId, r.Version)).Order());
    }

    [Fact]
    public async Task A_bumped_version_is_stored_beside_the_old_one_and_both_stay_loadable()
    {
        await using (new RubricLibraryHost(_database.ConnectionString, _library.Directory).Start())
        {
        }
        _library.EditRubric(rubric =>
        {
            rubric["version"] = 4;
            rubric["title"] = "Machine-learning system design, fourth edition";
        });

        await using var app = new RubricLibraryHost(_database.ConnectionString, _library.Directory).Start();
        var stored = (await StoredAsync()).Where(r => r.RubricId == RubricLibraryCopy.RubricId).ToList();
        Assert.Equal([1, 2, 3, 4], stored.Select(r => r.Version).Order());

        var catalog = app.Services.GetRequiredService<IRubricCatalog>();
        var anyone = Guid.NewGuid();
        Assert.Equal("Machine-learning system design", (await catalog.FindAsync(RubricLibraryCopy.RubricId, 1, anyone))?.Title);
        Assert.Equal("Machine-learning system design", (await catalog.FindAsync(RubricLibraryCopy.RubricId, 2, anyone))?.Title);
        Assert.Equal("Machine-learning system design", (await catalog.FindAsync(RubricLibraryCopy.RubricId, 3, anyone))?.Title);
        Assert.Equal("Machine-learning system design, fourth edition", (await catalog.FindAsync(RubricLibraryCopy.RubricId, 4, anyone))?.Title);

        var choice = Assert.Single(await catalog.ChoicesForAsync(anyone), c => c.Id == RubricLibraryCopy.RubricId);
        Assert.Equal((RubricLibraryCopy.RubricId, 4, false), (choice.Id, choice.Version, choice.IsCustom));

        var client = app.CreateClient();
        var oldPage = await client.GetAsync("/rubrics/ml-system-design/v/3");
        Assert.Equal(HttpStatusCode.OK, oldPage.StatusCode);
        var html = await oldPage.Content.ReadAsStringAsync();
        Assert.Contains("This is an older version", html);
        Assert.Contains("href=\"/rubrics/ml-system-design/v/4\"", html);
        Assert.Equal(stored.Single(r => r.Version == 3).Json, await client.GetStringAsync("/rubrics/ml-system-design/v/3/json"));
        Assert.Equal(stored.Single(r => r.Version == 2).Json, await client.GetStringAsync("/rubrics/ml-system-design/v/2/json"));
    }

    [Fact]
    public async Task Nodes_starting_at_the_same_time_store_each_rubric_once_and_none_fails()
    {
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync();
        }
        var library = new ShippedRubricLibrary(
            Options.Create(new RubricsOptions { Directory = _library.Directory }),
            new HostingEnvironment { ContentRootPath = _library.Directory });

        var now = DateTimeOffset.UtcNow;
        var inserted = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            await using var db = NewContext();
            return await ShippedRubricSync.LoadAsync(db, library, now, CancellationToken.None);
        })));

        Assert.Equal(ShippedVersions.Length, inserted.Sum());
        Assert.Equal(ShippedVersions, (await StoredAsync()).Select(r => (r.RubricId, r.Version)).Order());
    }

    private static readonly (string, int)[] ShippedVersions =
        [("ml-system-design", 1), ("ml-system-design", 2), ("ml-system-design", 3), ("ml-system-design-60", 1)];

    private static StoredRubric Current(IEnumerable<StoredRubric> stored) =>
        Assert.Single(stored, r => r.RubricId == RubricLibraryCopy.RubricId && r.Version == 3);

    private AppDbContext NewContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(_database.ConnectionString).Options);

    private async Task<List<StoredRubric>> StoredAsync()
    {
        await using var db = NewContext();
        return await db.Set<StoredRubric>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
    }

    private static T FindInChain<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(FindOrNull<T>).FirstOrDefault(x => x is not null) is { } inner)
            {
                return inner;
            }
        }
        throw new Xunit.Sdk.XunitException($"Expected a {typeof(T).Name}, got: {exception}");
    }

    private static T? FindOrNull<T>(Exception e) where T : Exception
    {
        try
        {
            return FindInChain<T>(e);
        }
        catch (Xunit.Sdk.XunitException)
        {
            return null;
        }
    }
}
