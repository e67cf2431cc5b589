using CeAdmin.Domain.Data;

namespace CeAdmin.Domain.Teachers;

/// <summary>
/// Tells whether something (a training class as instructor or head teacher, ...) uses a teacher,
/// so that the registry disables him instead of deleting him. The features that use teachers
/// register an implementation; the registry asks all of them and knows none of them.
/// </summary>
public interface ITeacherUsage
{
    Task<bool> IsInUseAsync(AppDbContext db, int teacherId, CancellationToken ct);
}
