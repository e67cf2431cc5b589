using CeAdmin.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Teachers;

public sealed class TeacherConfiguration : IEntityTypeConfiguration<Teacher>
{
    public void Configure(EntityTypeBuilder<Teacher> b)
    {
        b.Property(x => x.Name).HasMaxLength(TeacherFormValidator.NameMax);
        b.Property(x => x.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.IdNumber).HasMaxLength(Common.IdNumber.Length);
        b.Property(x => x.Title).HasMaxLength(TeacherFormValidator.TitleMax);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(TeacherFormValidator.EmailMax);
        b.Property(x => x.Courses).HasMaxLength(TeacherFormValidator.CoursesMax);
        b.Property(x => x.Profile).HasMaxLength(TeacherFormValidator.ProfileMax);
        // One entry per person in a registry; also the index of every registry query (owner first).
        b.HasIndex(x => new { x.OwnerUnitId, x.IdNumber }).IsUnique();
        b.HasOne<UnitAccount>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
