using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MockLoop.Web.Scoring;

/// <summary>
/// A submitted session's report as computed at submission (<see cref="Core.Reports.ReportProjection"/> as jsonb), in
/// the scorecard's own transaction; the report page reads it instead of the log (docs/decisions/165).
/// </summary>
public sealed class ReportProjectionRow
{
    public Guid SessionId { get; set; }

    /// <summary>The projection's shape (<see cref="Core.Reports.ReportProjection.CurrentVersion"/>), a column so start-up finds old ones without reading the JSON.</summary>
    public int Version { get; set; }

    public string Projection { get; set; } = "{}";
}

internal sealed class ReportProjectionRowConfiguration : IEntityTypeConfiguration<ReportProjectionRow>
{
    public void Configure(EntityTypeBuilder<ReportProjectionRow> e)
    {
        e.ToTable("report_projections");
        e.HasKey(x => x.SessionId);
        e.Property(x => x.Projection).HasColumnType("jsonb");
        // Dies with its scorecard (and so with its session).
        e.HasOne<ScorecardRow>().WithOne().HasForeignKey<ReportProjectionRow>(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
