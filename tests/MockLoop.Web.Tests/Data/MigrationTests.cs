using Microsoft.EntityFrameworkCore;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Data;

/// <summary>
/// The migrations (six hand-written ones kept as history, then generated ones) build exactly the schema the EF model
/// describes, and the model has no change that lacks a migration.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task The_migrations_create_exactly_what_the_model_expects()
    {
        await using var migrated = await TestDatabase.CreateAsync("mig");
        await using var modelled = await TestDatabase.CreateAsync("mod");

        await using (var db = MigrationContext.New(migrated.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = MigrationContext.New(modelled.ConnectionString))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeSchemaAsync(migrated.ConnectionString);
        var fromModel = await DescribeSchemaAsync(modelled.ConnectionString);

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Fact]
    public void Every_model_change_has_a_migration()
    {
        using var db = MigrationContext.New("Host=127.0.0.1;Database=unused");
        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF model differs from the latest migration's snapshot: add a migration with "
            + "`dotnet ef migrations add <Name> --project src/MockLoop.Web --output-dir Data/Migrations`.");
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync("twice");
        await using var db = MigrationContext.New(database.ConnectionString);
        await db.Database.MigrateAsync();
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    internal static Task<List<string>> DescribeSchemaAsync(string connectionString) =>
        MigrationContext.ReadLinesAsync(connectionString, """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            ORDER BY 1
            """);
}
