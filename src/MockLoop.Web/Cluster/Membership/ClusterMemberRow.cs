using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MockLoop.Web.Cluster.Membership;

/// <summary>
/// One silo (app node) as Orleans' membership protocol sees it: a generation of one address and port. A node that
/// restarts gets a new generation, so it gets a new row; dead rows stay until the defunct-entry cleanup removes them.
/// </summary>
public sealed class ClusterMemberRow
{
    public string ClusterId { get; set; } = "";
    public string Address { get; set; } = "";
    public int Port { get; set; }
    public int Generation { get; set; }

    public string HostName { get; set; } = "";
    public string SiloName { get; set; } = "";
    public string? RoleName { get; set; }
    public int Status { get; set; }
    public int ProxyPort { get; set; }
    public int UpdateZone { get; set; }
    public int FaultZone { get; set; }

    /// <summary>Votes of other silos that suspect this one, as JSON: <c>[{"silo":"ip:port@gen","at":"…"}]</c>.</summary>
    public string SuspectTimes { get; set; } = "[]";

    public DateTimeOffset StartTime { get; set; }
    public DateTimeOffset IAmAliveTime { get; set; }

    /// <summary>The row's concurrency token: replaced by every <c>UpdateRow</c>, never by a heartbeat.</summary>
    public string ETag { get; set; } = "";
}

/// <summary>The membership table's version: every insert or update of a member bumps it under its etag.</summary>
public sealed class ClusterVersionRow
{
    public string ClusterId { get; set; } = "";
    public int Version { get; set; }
    public string ETag { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ClusterMemberRowConfiguration : IEntityTypeConfiguration<ClusterMemberRow>
{
    public void Configure(EntityTypeBuilder<ClusterMemberRow> e)
    {
        e.ToTable("cluster_members");
        e.HasKey(x => new { x.ClusterId, x.Address, x.Port, x.Generation });
        e.Property(x => x.ClusterId).HasMaxLength(64);
        e.Property(x => x.Address).HasMaxLength(64);
        e.Property(x => x.HostName).HasMaxLength(256);
        e.Property(x => x.SiloName).HasMaxLength(256);
        e.Property(x => x.RoleName).HasMaxLength(256);
        e.Property(x => x.SuspectTimes).HasColumnType("jsonb");
        e.Property(x => x.ETag).HasMaxLength(40);
        e.HasOne<ClusterVersionRow>().WithMany().HasForeignKey(x => x.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClusterVersionRowConfiguration : IEntityTypeConfiguration<ClusterVersionRow>
{
    public void Configure(EntityTypeBuilder<ClusterVersionRow> e)
    {
        e.ToTable("cluster_versions");
        e.HasKey(x => x.ClusterId);
        e.Property(x => x.ClusterId).HasMaxLength(64);
        e.Property(x => x.ETag).HasMaxLength(40);
    }
}
