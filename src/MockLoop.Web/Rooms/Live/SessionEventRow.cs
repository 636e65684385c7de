using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// One durable change in a session's log, in the order the session's single writer gave it. The log is the truth:
/// a live session is rebuilt from it after a restart.
/// </summary>
public sealed class SessionEventRow
{
    public Guid SessionId { get; set; }
    public long Seq { get; set; }
    public string Kind { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public Guid AuthorId { get; set; }
    public DateTimeOffset At { get; set; }
    public Audience Audience { get; set; }

    /// <summary>The sender's id for the change, so a change resent after a reconnect is recognised and not applied twice.</summary>
    public string? ClientId { get; set; }
}

/// <summary>Each framework step's actual start, end and used time, kept current as the timer moves.</summary>
public sealed class StepTimingRow
{
    public Guid SessionId { get; set; }
    public string StepId { get; set; } = "";
    public int StepIndex { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public double UsedSeconds { get; set; }
    public double BudgetSeconds { get; set; }
}

internal sealed class SessionEventRowConfiguration : IEntityTypeConfiguration<SessionEventRow>
{
    /// <summary>The unique key that recognises a resent change; SessionWriter matches its violation by this name.</summary>
    public const string ClientIdIndex = "IX_session_events_SessionId_AuthorId_ClientId";

    public void Configure(EntityTypeBuilder<SessionEventRow> e)
    {
        e.ToTable("session_events");
        e.HasKey(x => new { x.SessionId, x.Seq });
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Payload).HasColumnType("jsonb");
        e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ClientId).HasMaxLength(64);
        // Per author: a change id is unique only within its sender (docs/decisions/053).
        e.HasIndex(x => new { x.SessionId, x.AuthorId, x.ClientId }, ClientIdIndex).IsUnique().HasFilter("\"ClientId\" IS NOT NULL");
        e.HasOne<InterviewSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StepTimingRowConfiguration : IEntityTypeConfiguration<StepTimingRow>
{
    public void Configure(EntityTypeBuilder<StepTimingRow> e)
    {
        e.ToTable("session_step_timings");
        e.HasKey(x => new { x.SessionId, x.StepId });
        e.Property(x => x.StepId).HasMaxLength(64);
        e.HasOne<InterviewSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The diagram as it stood when a framework step ended: for the report and for replay.</summary>
public sealed class StepDiagramRow
{
    public Guid SessionId { get; set; }
    public string StepId { get; set; } = "";
    public long Seq { get; set; }
    public string Snapshot { get; set; } = "{}";
    public DateTimeOffset At { get; set; }
}

internal sealed class StepDiagramRowConfiguration : IEntityTypeConfiguration<StepDiagramRow>
{
    public void Configure(EntityTypeBuilder<StepDiagramRow> e)
    {
        e.ToTable("session_step_diagrams");
        e.HasKey(x => new { x.SessionId, x.StepId });
        e.Property(x => x.StepId).HasMaxLength(64);
        e.Property(x => x.Snapshot).HasColumnType("jsonb");
        e.HasOne<InterviewSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
