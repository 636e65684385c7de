using MockLoop.Web.Data;

namespace MockLoop.Web.Health;

public static class HealthRegistration
{
    public sealed record HealthReport(string Status, string App, string Database, DateTimeOffset CheckedAt);

    /// <summary><c>GET /healthz</c>: 200 when the app and PostgreSQL answer, 503 otherwise.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            string database;
            try
            {
                database = await db.Database.CanConnectAsync(ct) ? "ok" : "unreachable";
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                database = "error: " + ex.GetType().Name;
            }
            var report = new HealthReport(database == "ok" ? "healthy" : "unhealthy", "ok", database, clock.GetUtcNow());
            return Results.Json(report, statusCode: database == "ok" ? 200 : 503);
        });
        return app;
    }
}
