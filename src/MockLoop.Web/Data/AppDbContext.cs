using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MockLoop.Web.Rooms;

namespace MockLoop.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<InterviewSession> Sessions => Set<InterviewSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each feature keeps its own entity configuration (IEntityTypeConfiguration) in its folder.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        // The OpenID Connect provider's clients, authorizations, scopes and tokens (Identity/, docs/decisions/155).
        builder.UseOpenIddict<Guid>();

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength).IsRequired();
        });

        builder.Entity<InterviewSession>(session =>
        {
            session.ToTable("interview_sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.Restrict);
            session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.InterviewerId).OnDelete(DeleteBehavior.Restrict);
            session.HasOne<AppUser>().WithMany().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Restrict);
            session.HasIndex(s => s.InterviewerId);
            session.HasIndex(s => s.CandidateId);
            session.Property(s => s.RubricId).HasMaxLength(64);
            session.Property(s => s.CaseId).HasMaxLength(64);
        });
    }
}
