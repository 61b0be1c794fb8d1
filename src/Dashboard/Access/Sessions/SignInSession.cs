using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Access.Sessions;

/// <summary>
/// One sign-in, kept in the store so that ending it ends it everywhere: the cookie holds only a random key, this row
/// holds the key's hash and the protected ticket. Deleting the row is signing out.
/// </summary>
public sealed class SignInSession
{
    /// <summary>SHA-256 of the cookie's key, hex: a stolen copy of the table opens nothing.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }

    /// <summary>The authentication ticket, serialised and protected with the app's key ring.</summary>
    public required byte[] Ticket { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> entity)
    {
        entity.ToTable("SignInSessions");
        entity.Property(s => s.Id).HasMaxLength(64);
        entity.Property(s => s.UserId).HasMaxLength(450);
        entity.HasOne<DashboardUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(s => s.UserId);
        entity.HasIndex(s => s.ExpiresAt);
    }
}
