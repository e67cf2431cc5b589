using CeAdmin.Domain.Data;
using CeAdmin.Domain.Teachers;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Plans;

/// <summary>A teacher is in use while a training class has him as instructor or head teacher.</summary>
public sealed class ClassTeacherUsage : ITeacherUsage
{
    public async Task<bool> IsInUseAsync(AppDbContext db, int teacherId, CancellationToken ct) =>
        await db.TrainingClasses.AnyAsync(c => c.HeadTeacherId == teacherId || c.Instructors.Any(i => i.TeacherId == teacherId), ct);
}
