using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;

namespace MockLoop.Web.Schedule;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> booking)
    {
        booking.ToTable("schedule_bookings");
        booking.HasKey(b => b.Id);
        booking.HasOne<AppUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        booking.HasOne<InterviewSession>().WithMany().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.SetNull);
        booking.Property(b => b.Role).HasConversion<string>().HasMaxLength(16);
        booking.Property(b => b.Level).HasConversion<string>().HasMaxLength(16);
        booking.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        booking.Property(b => b.Outcome).HasConversion<string>().HasMaxLength(16);
        booking.Property(b => b.RubricKey).HasMaxLength(80);
        booking.Property(b => b.CaseId).HasMaxLength(64);
        booking.Property(b => b.InviteCode).HasMaxLength(Booking.InviteCodeLength);
        booking.HasIndex(b => b.InviteCode).IsUnique();
        booking.HasIndex(b => new { b.SlotStart, b.Status });
        booking.HasIndex(b => new { b.UserId, b.SlotStart });
        booking.HasIndex(b => b.SessionId);
    }
}

internal sealed class SessionRatingConfiguration : IEntityTypeConfiguration<SessionRating>
{
    public void Configure(EntityTypeBuilder<SessionRating> rating)
    {
        rating.ToTable("session_ratings");
        rating.HasKey(r => new { r.SessionId, r.RaterId });
        rating.HasOne<InterviewSession>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        rating.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RaterId).OnDelete(DeleteBehavior.Cascade);
        rating.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RateeId).OnDelete(DeleteBehavior.Cascade);
        rating.HasIndex(r => r.RateeId);
    }
}

internal sealed class ScheduleProfileConfiguration : IEntityTypeConfiguration<ScheduleProfile>
{
    public void Configure(EntityTypeBuilder<ScheduleProfile> profile)
    {
        profile.ToTable("schedule_profiles");
        profile.HasKey(p => p.UserId);
        profile.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        profile.Property(p => p.TimeZone).HasMaxLength(ScheduleProfile.TimeZoneMaxLength);
    }
}

internal sealed class ScheduleJobConfiguration : IEntityTypeConfiguration<ScheduleJob>
{
    public void Configure(EntityTypeBuilder<ScheduleJob> job)
    {
        job.ToTable("schedule_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Id).UseIdentityAlwaysColumn();
        job.Property(j => j.Kind).HasMaxLength(32);
        job.Property(j => j.Key).HasMaxLength(80);
        job.Property(j => j.LeasedBy).HasMaxLength(80);
        job.HasIndex(j => new { j.Kind, j.Key }).IsUnique();
        // The worker's query: due and not done.
        job.HasIndex(j => j.DueAt).HasFilter("\"DoneAt\" IS NULL");
    }
}
