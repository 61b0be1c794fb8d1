using Dashboard.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.SavedViews;

/// <summary>
/// A dashboard page with its filters, saved under a name by one person: for them alone, or shared with everyone.
/// The filters are kept as the page's URL query, so a view opens exactly as a copied link would.
/// </summary>
public sealed class SavedView
{
    public int Id { get; set; }
    public required string OwnerId { get; set; }
    public required string Name { get; set; }

    /// <summary>The page's path, such as <c>/sources</c>.</summary>
    public required string Page { get; set; }

    /// <summary>The filters as the page's query, without the <c>?</c>; empty for the page's defaults.</summary>
    public required string Query { get; set; }

    public bool Shared { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> entity)
    {
        entity.ToTable("SavedViews");
        entity.Property(v => v.OwnerId).HasMaxLength(450);
        entity.Property(v => v.Name).HasMaxLength(SavedViewLibrary.MaxNameLength);
        entity.Property(v => v.Page).HasMaxLength(32);
        entity.Property(v => v.Query).HasMaxLength(SavedViewAddress.MaxQueryLength);
        // A person's views go with them if they are ever removed; disabling keeps them.
        entity.HasOne<DashboardUser>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(v => v.OwnerId);
        entity.HasIndex(v => v.Shared);
    }
}
