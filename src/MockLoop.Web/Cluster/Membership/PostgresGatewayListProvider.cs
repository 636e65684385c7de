using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MockLoop.Web.Data;
using Orleans.Configuration;
using Orleans.Messaging;

namespace MockLoop.Web.Cluster.Membership;

/// <summary>
/// The gateways an Orleans client outside the app nodes (a tool, a benchmark driver) may connect to: the active
/// silos in our membership table that listen for clients. App nodes do not need it: each hosts a silo itself.
/// </summary>
internal sealed class PostgresGatewayListProvider(
    IServiceScopeFactory scopes,
    IOptions<ClusterOptions> cluster,
    IOptions<GatewayOptions> gateway) : IGatewayListProvider
{
    public TimeSpan MaxStaleness => gateway.Value.GatewayListRefreshPeriod;

    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => Task.CompletedTask;

    public Task InitializeGatewayListProviderAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync(CancellationToken.None);

    public async Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clusterId = cluster.Value.ClusterId;
        var active = (int)SiloStatus.Active;
        var rows = await db.Set<ClusterMemberRow>().AsNoTracking()
            .Where(m => m.ClusterId == clusterId && m.Status == active && m.ProxyPort > 0)
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => SiloAddress.New(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(r.Address), r.ProxyPort), r.Generation).ToGatewayUri())
            .ToList();
    }
}
