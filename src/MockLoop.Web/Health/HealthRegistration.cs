using Microsoft.Extensions.Options;
using MockLoop.Web.Cluster;
using MockLoop.Web.Data;

namespace MockLoop.Web.Health;

public static class HealthRegistration
{
    /// <param name="Node">This node's name (Cluster:NodeName, or host name and silo port).</param>
    /// <param name="ActiveSilos">The active silos this node sees in its cluster (itself included: 1 for a node alone).</param>
    public sealed record HealthReport(
        string Status, string App, string Database, string Node, int ActiveSilos, DateTimeOffset CheckedAt);

    /// <summary><c>GET /healthz</c>: 200 when the app and PostgreSQL answer, 503 otherwise.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", async (AppDbContext db, TimeProvider clock, IOptions<ClusterNodeOptions> cluster,
            IClusterMembershipService membership, CancellationToken ct) =>
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
            var activeSilos = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            var report = new HealthReport(database == "ok" ? "healthy" : "unhealthy", "ok", database,
                cluster.Value.ResolveNodeName(), activeSilos, clock.GetUtcNow());
            return Results.Json(report, statusCode: database == "ok" ? 200 : 503);
        });
        return app;
    }
}
