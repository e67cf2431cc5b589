using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Approvals;

/// <summary>
/// 常用审核意见 of the caller's reviewing unit: the pick list of the review panel and its small maintenance page.
/// Only the reviewing units (an approved authority, the HRSS department) keep them, each its own.
/// </summary>
public sealed class CommonOpinionService(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const string NotFoundMessage = "该常用审核意见不存在或不属于本单位";
    private static readonly UnitKind[] Reviewers = [UnitKind.Authority, UnitKind.Hrss];
    private readonly CommonOpinionFormValidator _validator = new();

    /// <summary>The unit's opinions (of one decision when given), in the order they were added.</summary>
    public async Task<IReadOnlyList<CommonOpinionRow>> ListAsync(ReviewDecision? decision = null, CancellationToken ct = default)
    {
        // Every review panel asks, also a non-reviewer's: refused before a context is made.
        var actor = await currentUser.RequireUnitAsync(Reviewers);
        await using var db = dbFactory.CreateDbContext();
        var scope = await Scope.ResolveAsync(db, actor, ct);
        var opinions = db.CommonOpinions.AsNoTracking().Where(o => o.UnitId == scope.UnitId);
        if (decision is { } d) opinions = opinions.Where(o => o.Decision == d);
        var rows = await opinions.OrderBy(o => o.Id).Select(o => new CommonOpinionRow(o.Id, o.Decision, o.Text)).ToListAsync(ct);
        // The decisions in the panel's order (the column holds the name, whose order is the alphabet's).
        return [.. rows.OrderBy(r => r.Decision)];
    }

    /// <summary>新增 (no id) or 修改 one of the unit's own opinions.</summary>
    public async Task<int> SaveAsync(int? id, CommonOpinionForm form, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, Reviewers);
        var opinion = id is { } existing ? await FindOwnAsync(db, scope, existing, ct) : null;
        await _validator.EnsureValidAsync(form, ct);
        var text = form.Text!.Trim();
        var mine = db.CommonOpinions.Where(o => o.UnitId == scope.UnitId && o.Decision == form.Decision && o.Id != (id ?? 0));
        if (await mine.AnyAsync(o => o.Text == text, ct))
            throw new ValidationFailedException(nameof(form.Text), "已有相同的常用审核意见");
        if (await mine.CountAsync(ct) >= CommonOpinion.MaxPerDecision)
            throw new ValidationFailedException(nameof(form.Text), $"每种审核结果最多保存{CommonOpinion.MaxPerDecision}条常用意见，请先删除不用的");

        if (opinion is null)
        {
            opinion = new CommonOpinion { UnitId = scope.UnitId, CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.CommonOpinions.Add(opinion);
        }
        opinion.Update(form);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another operator of the unit saved the same text meanwhile (the unique index).
            throw new ValidationFailedException(nameof(form.Text), "已有相同的常用审核意见");
        }
        return opinion.Id;
    }

    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var scope = await currentUser.RequireScopeAsync(db, ct, Reviewers);
        db.CommonOpinions.Remove(await FindOwnAsync(db, scope, id, ct));
        await db.SaveChangesAsync(ct);
    }

    private static async Task<CommonOpinion> FindOwnAsync(AppDbContext db, Scope scope, int id, CancellationToken ct) =>
        await db.CommonOpinions.SingleOrDefaultAsync(o => o.Id == id && o.UnitId == scope.UnitId, ct) ?? throw new ScopeException(NotFoundMessage);
}
