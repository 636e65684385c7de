using System.Data;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MockLoop.Web.Data;
using Orleans.Configuration;

namespace MockLoop.Web.Cluster.Membership;

/// <summary>
/// Orleans' membership table on our own PostgreSQL schema (<c>cluster_versions</c>, <c>cluster_members</c>).
/// Every change of a member goes through the version row first: <c>UPDATE … WHERE etag = expected</c> takes that row's
/// lock, so concurrent writers of one cluster queue there and all but the first find the etag changed and fail with
/// no side effect — the optimistic concurrency the membership protocol is built on. Heartbeats touch only
/// <c>IAmAliveTime</c>, so a row etag read before a heartbeat stays valid for <c>UpdateRow</c>.
/// </summary>
internal sealed class PostgresMembershipTable(
    IServiceScopeFactory scopes,
    IOptions<ClusterOptions> cluster,
    TimeProvider clock,
    ILogger<PostgresMembershipTable> logger) : IMembershipTable
{
    private string ClusterId => cluster.Value.ClusterId;

    // Orleans calls the cancellation-aware methods below; the older forms (obsolete, still part of the interface)
    // forward to them.
    public Task InitializeMembershipTable(bool tryInitTableVersion) =>
        InitializeMembershipTableAsync(tryInitTableVersion, CancellationToken.None);
    public Task DeleteMembershipTableEntries(string clusterId) => DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);
    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => CleanupDefunctSiloEntriesAsync(beforeDate, CancellationToken.None);
    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);
    public Task<MembershipTableData> ReadAll() => ReadAllAsync(CancellationToken.None);
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        InsertRowAsync(entry, tableVersion, CancellationToken.None);
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        UpdateRowAsync(entry, etag, tableVersion, CancellationToken.None);
    public Task UpdateIAmAlive(MembershipEntry entry) => UpdateIAmAliveAsync(entry, CancellationToken.None);

    public async Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken)
    {
        if (!tryInitTableVersion)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var created = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO cluster_versions ("ClusterId", "Version", "ETag", "UpdatedAt")
            VALUES ({ClusterId}, 0, {NewETag()}, {clock.GetUtcNow()})
            ON CONFLICT ("ClusterId") DO NOTHING
            """, cancellationToken);
        if (created == 1)
        {
            logger.LogInformation("Created the membership table version for cluster {ClusterId}", ClusterId);
        }
    }

    public async Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The members go with their version row (ON DELETE CASCADE).
        await db.Set<ClusterVersionRow>().Where(v => v.ClusterId == clusterId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dead = (int)SiloStatus.Dead;
        var candidates = await db.Set<ClusterMemberRow>().AsNoTracking()
            .Where(m => m.ClusterId == ClusterId && m.Status == dead && m.IAmAliveTime < beforeDate)
            .ToListAsync(cancellationToken);
        // A death is also a suspicion vote, so a silo declared dead recently is kept even if its heartbeat is old.
        foreach (var row in candidates.Where(r => MembershipRows.LastUpdate(MembershipRows.ToEntry(r)) < beforeDate.UtcDateTime))
        {
            await db.Set<ClusterMemberRow>()
                .Where(m => m.ClusterId == row.ClusterId && m.Address == row.Address && m.Port == row.Port
                            && m.Generation == row.Generation && m.Status == dead)
                .ExecuteDeleteAsync(cancellationToken);
        }
    }

    public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken) =>
        ReadAsync(key, cancellationToken);

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => ReadAsync(only: null, cancellationToken);

    public async Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TryBumpVersionAsync(db, tableVersion, cancellationToken))
        {
            return false;
        }
        var row = MembershipRows.ToRow(ClusterId, entry, NewETag());
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO cluster_members ("ClusterId", "Address", "Port", "Generation", "HostName", "SiloName", "RoleName",
                "Status", "ProxyPort", "UpdateZone", "FaultZone", "SuspectTimes", "StartTime", "IAmAliveTime", "ETag")
            VALUES ({row.ClusterId}, {row.Address}, {row.Port}, {row.Generation}, {row.HostName}, {row.SiloName},
                {row.RoleName}, {row.Status}, {row.ProxyPort}, {row.UpdateZone}, {row.FaultZone},
                CAST({row.SuspectTimes} AS jsonb), {row.StartTime}, {row.IAmAliveTime}, {row.ETag})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            logger.LogInformation("Membership insert of {Silo} refused: the silo is already in the table", entry.SiloAddress);
            return false; // Disposing the transaction rolls the version bump back.
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> UpdateRowAsync(
        MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TryBumpVersionAsync(db, tableVersion, cancellationToken))
        {
            return false;
        }
        var row = MembershipRows.ToRow(ClusterId, entry, NewETag());
        var updated = await MemberQuery(db, entry.SiloAddress)
            .Where(m => m.ETag == etag)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.HostName, row.HostName)
                .SetProperty(m => m.SiloName, row.SiloName)
                .SetProperty(m => m.RoleName, row.RoleName)
                .SetProperty(m => m.Status, row.Status)
                .SetProperty(m => m.ProxyPort, row.ProxyPort)
                .SetProperty(m => m.UpdateZone, row.UpdateZone)
                .SetProperty(m => m.FaultZone, row.FaultZone)
                .SetProperty(m => m.SuspectTimes, row.SuspectTimes)
                .SetProperty(m => m.StartTime, row.StartTime)
                .SetProperty(m => m.IAmAliveTime, row.IAmAliveTime)
                .SetProperty(m => m.ETag, row.ETag), cancellationToken);
        if (updated == 0)
        {
            logger.LogInformation("Membership update of {Silo} refused: the row is gone or its etag changed", entry.SiloAddress);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var alive = MembershipRows.ToTimestamp(entry.IAmAliveTime);
        var updated = await MemberQuery(db, entry.SiloAddress)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.IAmAliveTime, alive), cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException($"No membership row for {entry.SiloAddress} in cluster {ClusterId} to mark alive.");
        }
    }

    /// <summary>Moves the version to <paramref name="next"/> if the table still carries the etag it was read with.</summary>
    private async Task<bool> TryBumpVersionAsync(AppDbContext db, TableVersion next, CancellationToken cancellationToken)
    {
        var etag = NewETag();
        var now = clock.GetUtcNow();
        var bumped = await db.Set<ClusterVersionRow>()
            .Where(v => v.ClusterId == ClusterId && v.ETag == next.VersionEtag)
            .ExecuteUpdateAsync(set => set
                .SetProperty(v => v.Version, next.Version)
                .SetProperty(v => v.ETag, etag)
                .SetProperty(v => v.UpdatedAt, now), cancellationToken);
        if (bumped == 0)
        {
            logger.LogInformation("Membership change refused: the table version moved past etag {ETag}", next.VersionEtag);
        }
        return bumped == 1;
    }

    private async Task<MembershipTableData> ReadAsync(SiloAddress? only, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // One snapshot for the version and the rows: the protocol compares them.
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await db.Set<ClusterVersionRow>().AsNoTracking().SingleOrDefaultAsync(v => v.ClusterId == ClusterId, cancellationToken)
            ?? throw new InvalidOperationException(
                $"The membership table of cluster {ClusterId} has no version row: InitializeMembershipTable(true) was never called.");
        var rows = await (only is null ? db.Set<ClusterMemberRow>().Where(m => m.ClusterId == ClusterId) : MemberQuery(db, only))
            .AsNoTracking().ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var members = rows.Select(r => Tuple.Create(MembershipRows.ToEntry(r), r.ETag)).ToList();
        return new MembershipTableData(members, new TableVersion(version.Version, version.ETag));
    }

    private IQueryable<ClusterMemberRow> MemberQuery(AppDbContext db, SiloAddress silo)
    {
        var address = silo.Endpoint.Address.ToString();
        var port = silo.Endpoint.Port;
        var generation = silo.Generation;
        return db.Set<ClusterMemberRow>().Where(m =>
            m.ClusterId == ClusterId && m.Address == address && m.Port == port && m.Generation == generation);
    }

    private static string NewETag() => Guid.NewGuid().ToString("N");
}

/// <summary>Converts between Orleans' <see cref="MembershipEntry"/> and our row.</summary>
internal static class MembershipRows
{
    private sealed record SuspectVote(string Silo, DateTimeOffset At);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ClusterMemberRow ToRow(string clusterId, MembershipEntry entry, string etag) => new()
    {
        ClusterId = clusterId,
        Address = entry.SiloAddress.Endpoint.Address.ToString(),
        Port = entry.SiloAddress.Endpoint.Port,
        Generation = entry.SiloAddress.Generation,
        HostName = entry.HostName ?? "",
        SiloName = entry.SiloName ?? "",
        RoleName = entry.RoleName,
        Status = (int)entry.Status,
        ProxyPort = entry.ProxyPort,
        UpdateZone = entry.UpdateZone,
        FaultZone = entry.FaultZone,
        SuspectTimes = JsonSerializer.Serialize(
            (entry.SuspectTimes ?? []).Select(v => new SuspectVote(v.Item1.ToParsableString(), ToTimestamp(v.Item2))), Json),
        StartTime = ToTimestamp(entry.StartTime),
        IAmAliveTime = ToTimestamp(entry.IAmAliveTime),
        ETag = etag,
    };

    public static MembershipEntry ToEntry(ClusterMemberRow row) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Parse(row.Address), row.Port), row.Generation),
        HostName = row.HostName,
        SiloName = row.SiloName,
        RoleName = row.RoleName,
        Status = (SiloStatus)row.Status,
        ProxyPort = row.ProxyPort,
        UpdateZone = row.UpdateZone,
        FaultZone = row.FaultZone,
        SuspectTimes = (JsonSerializer.Deserialize<List<SuspectVote>>(row.SuspectTimes, Json) ?? [])
            .Select(v => Tuple.Create(SiloAddress.FromParsableString(v.Silo), v.At.UtcDateTime))
            .ToList(),
        StartTime = row.StartTime.UtcDateTime,
        IAmAliveTime = row.IAmAliveTime.UtcDateTime,
    };

    /// <summary>The later of the heartbeat and the newest suspicion vote (a death declaration is one).</summary>
    public static DateTime LastUpdate(MembershipEntry entry) =>
        (entry.SuspectTimes ?? []).Select(v => v.Item2).Append(entry.IAmAliveTime).Max();

    /// <summary>Orleans uses UTC <see cref="DateTime"/>s (sometimes of unspecified kind); PostgreSQL stores instants.</summary>
    public static DateTimeOffset ToTimestamp(DateTime value) =>
        new(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc));
}
