using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Organizations;

public sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.CodeType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Code).HasMaxLength(18);
        b.Property(x => x.Nature).HasMaxLength(20);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.ContactName).HasMaxLength(50);
        b.Property(x => x.OfficePhone).HasMaxLength(20);
        b.Property(x => x.Mobile).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(100);
        b.Property(x => x.PostalCode).HasMaxLength(6);
        b.Property(x => x.Address).HasMaxLength(100);
        b.Property(x => x.Functions).HasMaxLength(500);
        b.Ignore(x => x.IsApproved);
        b.HasIndex(x => x.UnitAccountId).IsUnique();
        b.HasIndex(x => new { x.RegionCode, x.SeriesId });
        b.HasOne(x => x.UnitAccount).WithMany().HasForeignKey(x => x.UnitAccountId);
        b.HasOne(x => x.ParentAuthority).WithMany().HasForeignKey(x => x.ParentAuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReferenceData.ProfessionalSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReferenceData.Region>().WithMany().HasForeignKey(x => x.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
