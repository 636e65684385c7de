using Npgsql;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// A database of its own on the throwaway cluster that <c>./mockloop test</c> starts (MOCKLOOP_TEST_POSTGRES
/// points at its maintenance database). Each test class gets one; it is dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "MOCKLOOP_TEST_POSTGRES";

    private readonly string _server;

    private TestDatabase(string name, string connectionString, string server)
    {
        Name = name;
        ConnectionString = connectionString;
        _server = server;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ServerVariable} is not set: run the tests with ./mockloop test, which starts a PostgreSQL for them.");

    /// <param name="server">A maintenance database's connection string; the shared test cluster's when null.</param>
    public static async Task<TestDatabase> CreateAsync(string prefix = "t", string? server = null)
    {
        server ??= ServerConnectionString;
        var name = $"mockloop_{prefix}_{Guid.NewGuid():N}"[..40];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(name, builder.ConnectionString, server);
    }

    /// <summary>
    /// Empties every table the app owns, so each test starts clean. The migration history stays, and so does the
    /// cluster membership: it is the running app's own silo, not test data (a silo missing from the table is dead).
    /// </summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            DO $$
            DECLARE tables text;
            BEGIN
              SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
              FROM pg_tables WHERE schemaname = 'public'
                AND tablename NOT IN ('__EFMigrationsHistory', 'cluster_versions', 'cluster_members');
              IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE'; END IF;
            END $$;
            """, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
