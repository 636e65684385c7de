using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// The session's whole state after entry <see cref="Seq"/>, kept with its log so a load reads the latest snapshot
/// and the entries after it (docs/decisions/104). Derived data: losing one only makes the next load replay more.
/// </summary>
public sealed class SessionSnapshotRow
{
    public Guid SessionId { get; set; }
    public long Seq { get; set; }
    public string State { get; set; } = "{}";
    public DateTimeOffset At { get; set; }
}

internal sealed class SessionSnapshotRowConfiguration : IEntityTypeConfiguration<SessionSnapshotRow>
{
    public void Configure(EntityTypeBuilder<SessionSnapshotRow> e)
    {
        e.ToTable("session_snapshots");
        e.HasKey(x => new { x.SessionId, x.Seq });
        e.Property(x => x.State).HasColumnType("jsonb");
        e.HasOne<InterviewSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
