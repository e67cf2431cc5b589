using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Domain.Teachers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Plans;

public sealed class TrainingPlanConfiguration : IEntityTypeConfiguration<TrainingPlan>
{
    public void Configure(EntityTypeBuilder<TrainingPlan> b)
    {
        b.Property(x => x.OwnerKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OwnerName).HasMaxLength(100);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Days).HasPrecision(6, 1);
        b.Property(x => x.Hours).HasPrecision(6, 1);
        b.Property(x => x.Content).HasMaxLength(500);
        b.Property(x => x.Audience).HasMaxLength(500);
        b.Property(x => x.Remarks).HasMaxLength(500);
        b.HasIndex(x => new { x.SeriesId, x.RegionCode, x.Year });
        b.HasIndex(x => x.OwnerUnitId);
        b.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CatalogCourseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProfessionalSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Classes).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TrainingClassConfiguration : IEntityTypeConfiguration<TrainingClass>
{
    public void Configure(EntityTypeBuilder<TrainingClass> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.StudyMode).HasMaxLength(20);
        b.Property(x => x.ExamType).HasMaxLength(20);
        b.Property(x => x.Location).HasMaxLength(100);
        b.Property(x => x.Schedule).HasMaxLength(500);
        b.Property(x => x.HeadTeacherName).HasMaxLength(50);
        b.Property(x => x.HeadTeacherPhone).HasMaxLength(20);
        b.Property(x => x.HeadTeacherIdNumber).HasMaxLength(18);
        b.Property(x => x.HeadTeacherEmail).HasMaxLength(100);
        b.Property(x => x.HeadTeacherTitle).HasMaxLength(50);
        b.HasOne<Teacher>().WithMany().HasForeignKey(x => x.HeadTeacherId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Instructors).WithOne().HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.ClassId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ClassInstructorConfiguration : IEntityTypeConfiguration<ClassInstructor>
{
    public void Configure(EntityTypeBuilder<ClassInstructor> b)
    {
        b.HasIndex(x => new { x.ClassId, x.TeacherId }).IsUnique();
        // A teacher on a class is disabled, never deleted (ClassTeacherUsage tells the registry).
        b.HasOne<Teacher>().WithMany().HasForeignKey(x => x.TeacherId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ClassSubjectConfiguration : IEntityTypeConfiguration<ClassSubject>
{
    public void Configure(EntityTypeBuilder<ClassSubject> b) => b.Property(x => x.Name).HasMaxLength(100);
}
