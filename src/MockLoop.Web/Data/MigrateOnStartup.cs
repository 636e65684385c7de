using Microsoft.EntityFrameworkCore;

namespace MockLoop.Web.Data;

/// <summary>
/// Applies the migrations before the app takes requests: hosted services start before the server
/// listens, so a request never meets a half-made schema. Nodes of a cluster may start together on a new database:
/// a PostgreSQL advisory lock lets one migrate while the others wait, then find nothing left to do.
/// </summary>
internal sealed class MigrateOnStartup(IServiceScopeFactory scopes, ILogger<MigrateOnStartup> logger) : IHostedService
{
    /// <summary>Any constant of our own; advisory locks are shared by every client of the database.</summary>
    private const long MigrationLockKey = 0x6D6F636B6C6F6F70; // "mockloop"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // One connection for the lock and the migration (a session-level lock belongs to its connection).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", cancellationToken);
        }
        finally
        {
            // Closing the connection also frees the lock if the migration failed.
            await db.Database.CloseConnectionAsync();
        }
        logger.LogInformation("Database schema is at migration {Migration}", db.Database.GetMigrations().LastOrDefault());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
