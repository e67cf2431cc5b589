using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CeAdmin.Domain.Data.Interceptors;

/// <summary>
/// The backstop of <see cref="TextSafety"/>: a write whose text columns hold a control or bidi
/// character is refused before anything is saved, whether it came through a form, a review opinion,
/// an import or a service that takes a plain string. Runs before the audit interceptor.
/// </summary>
public sealed class TextGuardInterceptor : SaveChangesInterceptor
{
    public static readonly TextGuardInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Check(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Check(db);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        Dictionary<string, string[]>? errors = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            // The audit trail and the key ring are written by the system, not typed by users.
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is AuditEntry or DataProtectionKey) continue;
            foreach (var p in entry.Properties)
            {
                if (p.Metadata.ClrType != typeof(string) || (entry.State == EntityState.Modified && !p.IsModified)) continue;
                if (TextSafety.IsClean(p.CurrentValue as string)) continue;
                errors ??= [];
                errors[p.Metadata.Name] = [TextSafety.Message];
            }
        }
        if (errors is not null) throw new ValidationFailedException(errors);
    }
}
