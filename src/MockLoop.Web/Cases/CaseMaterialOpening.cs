using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MockLoop.Web.Data;

namespace MockLoop.Web.Cases;

/// <summary>A person chose to open a case's interviewer material; from then on the case is never drawn for them as candidate.</summary>
public sealed class CaseMaterialOpening
{
    public Guid UserId { get; set; }
    public string CaseId { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
}

internal sealed class CaseMaterialOpeningConfiguration : IEntityTypeConfiguration<CaseMaterialOpening>
{
    public void Configure(EntityTypeBuilder<CaseMaterialOpening> e)
    {
        e.ToTable("case_material_openings");
        e.HasKey(x => new { x.UserId, x.CaseId });
        e.Property(x => x.CaseId).HasMaxLength(64);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
