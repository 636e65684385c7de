using Microsoft.EntityFrameworkCore;

namespace MockLoop.Web.Data;

/// <summary>
/// Applies the migrations before the app takes requests: hosted services start before the server
/// listens, so a request never meets a half-made schema.
/// </summary>
internal sealed class MigrateOnStartup(IServiceScopeFactory scopes, ILogger<MigrateOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is at migration {Migration}", db.Database.GetMigrations().LastOrDefault());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
