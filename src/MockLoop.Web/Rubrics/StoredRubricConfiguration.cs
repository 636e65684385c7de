using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MockLoop.Web.Data;

namespace MockLoop.Web.Rubrics;

internal sealed class StoredRubricConfiguration : IEntityTypeConfiguration<StoredRubric>
{
    public const string Table = "rubrics";
    public const string ShippedIndex = "IX_rubrics_shipped_RubricId_Version";
    public const string CustomIndex = "IX_rubrics_custom_OwnerId_RubricId_Version";

    public void Configure(EntityTypeBuilder<StoredRubric> rubric)
    {
        rubric.ToTable(Table, t => t.HasCheckConstraint("CK_rubrics_Version", "\"Version\" > 0"));
        rubric.HasKey(r => r.Id);
        rubric.Property(r => r.Id).UseIdentityByDefaultColumn();
        rubric.Property(r => r.RubricId).HasMaxLength(StoredRubric.RubricIdMaxLength).IsRequired();
        rubric.Property(r => r.Title).HasMaxLength(StoredRubric.TitleMaxLength).IsRequired();
        rubric.Property(r => r.Json).IsRequired();
        rubric.Property(r => r.ContentHash).HasMaxLength(StoredRubric.ContentHashLength).IsRequired();
        rubric.Ignore(r => r.IsShipped);
        rubric.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Restrict);

        // Two partial unique indexes rather than one over a nullable column: shipped (id, version) pairs are
        // unique among themselves, custom ones per owner, and each is a target for INSERT … ON CONFLICT.
        rubric.HasIndex(r => new { r.RubricId, r.Version })
            .IsUnique()
            .HasFilter("\"OwnerId\" IS NULL")
            .HasDatabaseName(ShippedIndex);
        rubric.HasIndex(r => new { r.OwnerId, r.RubricId, r.Version })
            .IsUnique()
            .HasFilter("\"OwnerId\" IS NOT NULL")
            .HasDatabaseName(CustomIndex);
    }
}
