using Microsoft.EntityFrameworkCore;
using MockLoop.Web.Data;
using MockLoop.Web.Tests.Support;
using Npgsql;

namespace MockLoop.Web.Tests.Data;

/// <summary>
/// The migrations are hand-written, so this proves they build exactly the schema the EF model describes: one
/// database made by the migrations, one by EnsureCreated from the model, and their catalogues compared.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task The_migrations_create_exactly_what_the_model_expects()
    {
        await using var migrated = await TestDatabase.CreateAsync("mig");
        await using var modelled = await TestDatabase.CreateAsync("mod");

        await using (var db = NewContext(migrated.ConnectionString))
        {
            await db.Database.MigrateAsync();
        }
        await using (var db = NewContext(modelled.ConnectionString))
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await DescribeSchemaAsync(migrated.ConnectionString);
        var fromModel = await DescribeSchemaAsync(modelled.ConnectionString);

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync("twice");
        await using var db = NewContext(database.ConnectionString);
        await db.Database.MigrateAsync();
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static AppDbContext NewContext(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning))
            .Options);

    private static async Task<List<string>> DescribeSchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                   || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }
}
