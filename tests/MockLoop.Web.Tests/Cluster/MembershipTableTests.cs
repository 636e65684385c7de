using System.Net;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// Our membership table against the contract Orleans' membership protocol relies on: inserts and updates are
/// atomic with the table version, refused on a stale table etag or row etag with no side effect, a heartbeat leaves
/// every etag usable, and of concurrent writers with the same read exactly one wins.
/// </summary>
public sealed class MembershipTableTests(MembershipTableHost host) : IClassFixture<MembershipTableHost>
{
    private static int _nextPort = 20000;

    private static MembershipEntry Entry(SiloStatus status = SiloStatus.Joining, int proxyPort = 30000)
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, Interlocked.Increment(ref _nextPort)), 42),
            Status = status,
            HostName = "node-host",
            SiloName = "node-a",
            RoleName = "MockLoop.Web",
            ProxyPort = proxyPort,
            UpdateZone = 1,
            FaultZone = 2,
            StartTime = now.AddSeconds(-5),
            IAmAliveTime = now,
            SuspectTimes = [],
        };
    }

    private async Task<IMembershipTable> NewClusterAsync()
    {
        var table = host.Table("c-" + Guid.NewGuid().ToString("N")[..12]);
        await table.InitializeMembershipTableAsync(true, default);
        return table;
    }

    [Fact]
    public async Task A_new_table_starts_at_version_zero_and_initialising_again_keeps_it()
    {
        var table = await NewClusterAsync();
        var first = await table.ReadAllAsync(default);
        await table.InitializeMembershipTableAsync(true, default);
        var second = await table.ReadAllAsync(default);

        Assert.Equal(0, first.Version.Version);
        Assert.Empty(first.Members);
        Assert.Equal(first.Version, second.Version);
    }

    [Fact]
    public async Task An_inserted_silo_reads_back_with_every_field_and_the_version_moves_on()
    {
        var table = await NewClusterAsync();
        var entry = Entry();
        var suspector = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.0.0.7"), 11111), 7);
        entry.SuspectTimes = [Tuple.Create(suspector, new DateTime(2026, 11, 30, 20, 0, 0, DateTimeKind.Utc))];
        var before = await table.ReadAllAsync(default);

        Assert.True(await table.InsertRowAsync(entry, before.Version.Next(), default));

        var after = await table.ReadAllAsync(default);
        var (read, etag) = Assert.Single(after.Members);
        Assert.Equal(1, after.Version.Version);
        Assert.NotEqual(before.Version.VersionEtag, after.Version.VersionEtag);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(entry.Status, read.Status);
        Assert.Equal(("node-host", "node-a", "MockLoop.Web", 30000, 1, 2),
            (read.HostName, read.SiloName, read.RoleName, read.ProxyPort, read.UpdateZone, read.FaultZone));
        Assert.Equal(entry.StartTime, read.StartTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime, TimeSpan.FromMilliseconds(1));
        var vote = Assert.Single(read.SuspectTimes!);
        Assert.Equal((suspector, entry.SuspectTimes[0].Item2), (vote.Item1, vote.Item2));
    }

    [Fact]
    public async Task An_insert_with_a_stale_table_etag_is_refused_and_changes_nothing()
    {
        var table = await NewClusterAsync();
        var stale = (await table.ReadAllAsync(default)).Version;
        Assert.True(await table.InsertRowAsync(Entry(), stale.Next(), default));
        var current = await table.ReadAllAsync(default);

        Assert.False(await table.InsertRowAsync(Entry(), stale.Next(), default));

        var after = await table.ReadAllAsync(default);
        Assert.Single(after.Members);
        Assert.Equal(current.Version, after.Version);
    }

    [Fact]
    public async Task Inserting_a_silo_that_is_already_there_is_refused_and_the_version_stays()
    {
        var table = await NewClusterAsync();
        var entry = Entry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        var current = await table.ReadAllAsync(default);

        Assert.False(await table.InsertRowAsync(entry, current.Version.Next(), default));

        Assert.Equal(current.Version, (await table.ReadAllAsync(default)).Version);
    }

    [Fact]
    public async Task An_update_with_the_etags_it_read_succeeds_and_gives_the_row_a_new_etag()
    {
        var table = await NewClusterAsync();
        var entry = Entry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        var read = await table.ReadRowAsync(entry.SiloAddress, default);
        var (_, etag) = Assert.Single(read.Members);

        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next(), default));

        var after = await table.ReadRowAsync(entry.SiloAddress, default);
        var (updated, newEtag) = Assert.Single(after.Members);
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(read.Version.Version + 1, after.Version.Version);
    }

    [Fact]
    public async Task An_update_with_a_stale_row_etag_is_refused_and_the_version_bump_is_rolled_back()
    {
        var table = await NewClusterAsync();
        var entry = Entry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        var first = await table.ReadAllAsync(default);
        var (_, staleEtag) = Assert.Single(first.Members);
        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(entry, staleEtag, first.Version.Next(), default));
        var current = await table.ReadAllAsync(default);

        entry.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(entry, staleEtag, current.Version.Next(), default));

        var after = await table.ReadAllAsync(default);
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Members).Item1.Status);
    }

    [Fact]
    public async Task An_update_of_a_silo_that_is_not_in_the_table_is_refused()
    {
        var table = await NewClusterAsync();
        var version = (await table.ReadAllAsync(default)).Version;

        Assert.False(await table.UpdateRowAsync(Entry(), "no-such-etag", version.Next(), default));

        Assert.Equal(version, (await table.ReadAllAsync(default)).Version);
    }

    [Fact]
    public async Task A_heartbeat_changes_only_the_alive_time_so_etags_read_before_it_still_work()
    {
        var table = await NewClusterAsync();
        var entry = Entry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        var read = await table.ReadAllAsync(default);
        var (_, etag) = Assert.Single(read.Members);

        var heartbeat = entry.IAmAliveTime.AddSeconds(30);
        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = heartbeat }, default);

        var afterHeartbeat = await table.ReadAllAsync(default);
        Assert.Equal(read.Version, afterHeartbeat.Version);
        var (alive, etagAfter) = Assert.Single(afterHeartbeat.Members);
        Assert.Equal(etag, etagAfter);
        Assert.Equal(heartbeat, alive.IAmAliveTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal("node-a", alive.SiloName);
        entry.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next(), default));
    }

    [Fact]
    public async Task A_heartbeat_for_a_silo_that_is_not_in_the_table_fails_loudly()
    {
        var table = await NewClusterAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => table.UpdateIAmAliveAsync(Entry(), default));
    }

    [Fact]
    public async Task Of_concurrent_updates_made_from_the_same_read_exactly_one_wins()
    {
        var table = await NewClusterAsync();
        var entry = Entry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        var read = await table.ReadAllAsync(default);
        var (_, etag) = Assert.Single(read.Members);

        var attempts = Enumerable.Range(0, 8).Select(i =>
        {
            var copy = Entry();
            copy.SiloAddress = entry.SiloAddress;
            copy.Status = SiloStatus.Active;
            copy.SiloName = $"writer-{i}";
            return Task.Run(() => table.UpdateRowAsync(copy, etag, read.Version.Next(), default));
        }).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        var after = await table.ReadAllAsync(default);
        Assert.Equal(read.Version.Version + 1, after.Version.Version);
        var winner = outcomes.ToList().IndexOf(true);
        Assert.Equal($"writer-{winner}", Assert.Single(after.Members).Item1.SiloName);
    }

    [Fact]
    public async Task Of_concurrent_inserts_made_from_the_same_read_exactly_one_wins()
    {
        var table = await NewClusterAsync();
        var read = await table.ReadAllAsync(default);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Entry())
            .Select(e => Task.Run(() => table.InsertRowAsync(e, read.Version.Next(), default))));

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Single((await table.ReadAllAsync(default)).Members);
    }

    [Fact]
    public async Task Read_row_returns_that_silo_alone_with_the_table_version()
    {
        var table = await NewClusterAsync();
        var one = Entry();
        var other = Entry();
        Assert.True(await table.InsertRowAsync(one, (await table.ReadAllAsync(default)).Version.Next(), default));
        Assert.True(await table.InsertRowAsync(other, (await table.ReadAllAsync(default)).Version.Next(), default));

        var row = await table.ReadRowAsync(other.SiloAddress, default);
        var missing = await table.ReadRowAsync(Entry().SiloAddress, default);

        Assert.Equal(other.SiloAddress, Assert.Single(row.Members).Item1.SiloAddress);
        Assert.Equal(2, row.Version.Version);
        Assert.Empty(missing.Members);
        Assert.Equal(2, missing.Version.Version);
    }

    [Fact]
    public async Task Cleanup_removes_only_dead_silos_older_than_the_cut_off()
    {
        var table = await NewClusterAsync();
        var longDead = Entry(SiloStatus.Dead);
        longDead.IAmAliveTime = DateTime.UtcNow.AddHours(-2);
        var recentlyDeclaredDead = Entry(SiloStatus.Dead);
        recentlyDeclaredDead.IAmAliveTime = DateTime.UtcNow.AddHours(-2);
        recentlyDeclaredDead.SuspectTimes = [Tuple.Create(longDead.SiloAddress, DateTime.UtcNow)];
        var oldButActive = Entry(SiloStatus.Active);
        oldButActive.IAmAliveTime = DateTime.UtcNow.AddHours(-2);
        foreach (var entry in new[] { longDead, recentlyDeclaredDead, oldButActive })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1), default);

        var left = (await table.ReadAllAsync(default)).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(new HashSet<SiloAddress> { recentlyDeclaredDead.SiloAddress, oldButActive.SiloAddress }, left);
    }

    [Fact]
    public async Task Deleting_a_cluster_leaves_other_clusters_in_the_same_database_alone()
    {
        var doomedId = "doomed-" + Guid.NewGuid().ToString("N")[..8];
        var doomed = host.Table(doomedId);
        await doomed.InitializeMembershipTableAsync(true, default);
        Assert.True(await doomed.InsertRowAsync(Entry(), (await doomed.ReadAllAsync(default)).Version.Next(), default));
        var kept = await NewClusterAsync();
        Assert.True(await kept.InsertRowAsync(Entry(), (await kept.ReadAllAsync(default)).Version.Next(), default));

        await doomed.DeleteMembershipTableEntriesAsync(doomedId, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => doomed.ReadAllAsync(default));
        Assert.Single((await kept.ReadAllAsync(default)).Members);
    }

    [Fact]
    public async Task The_gateway_list_names_the_active_silos_that_accept_clients()
    {
        var clusterId = "gw-" + Guid.NewGuid().ToString("N")[..8];
        var table = host.Table(clusterId);
        await table.InitializeMembershipTableAsync(true, default);
        var active = Entry(SiloStatus.Active, proxyPort: 31001);
        var joining = Entry(SiloStatus.Joining, proxyPort: 31002);
        var dead = Entry(SiloStatus.Dead, proxyPort: 31003);
        var noGateway = Entry(SiloStatus.Active, proxyPort: 0);
        foreach (var entry in new[] { active, joining, dead, noGateway })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(default)).Version.Next(), default));
        }

        var gateways = await host.Gateways(clusterId).GetGatewaysAsync(default);

        var gateway = Assert.Single(gateways);
        Assert.Equal(31001, gateway.Port);
        Assert.Equal("127.0.0.1", gateway.Host);
    }
}
