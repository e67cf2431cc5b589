using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Messages;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Demo;

/// <summary>
/// 常用审核意见 of every reviewing unit (the approved authorities and the HRSS department), and the 站内消息 the
/// demo's decided cases would have sent their applicants (the other parts decide on the entity, not through
/// the review service that writes them).
/// </summary>
internal sealed class InboxDemoSeeder(IEnumerable<IReviewSubjectHandler> handlers) : IDemoSeeder
{
    public static readonly IReadOnlyList<(ReviewDecision Decision, string Text)> DefaultOpinions =
    [
        (ReviewDecision.Approve, "同意。材料齐全，符合要求。"),
        (ReviewDecision.Approve, "同意，请按申报内容组织实施，并按时录入结业名单。"),
        (ReviewDecision.RejectAndReturn, "附件材料不全，请补充上传后重新送审。"),
        (ReviewDecision.RejectAndReturn, "填报信息与附件材料不一致，请核对修改后重新送审。"),
        (ReviewDecision.RejectAndReturn, "培训学时与培训天数不符，请按当年学时规定修改。"),
        (ReviewDecision.RejectAndClose, "不属于本部门审核范围，请向所属行业主管部门申报。"),
        (ReviewDecision.RejectAndClose, "申请内容不符合继续教育相关规定，不予受理。"),
    ];

    // After every part that decides cases.
    public int Order => 90;

    public async Task SeedAsync(AppDbContext db, DemoContext demo, CancellationToken ct)
    {
        var reviewers = await db.UnitAccounts.AsNoTracking()
            .Where(u => u.Kind == UnitKind.Hrss || db.Authorities.Any(a => a.UnitAccountId == u.Id && a.ApprovedAt != null))
            .Select(u => u.Id).ToListAsync(ct);
        foreach (var unitId in reviewers)
            db.CommonOpinions.AddRange(DefaultOpinions.Select(o => new CommonOpinion { UnitId = unitId, Decision = o.Decision, Text = o.Text, CreatedAt = demo.Now }));

        // A case approved by the system (a province-level institution's qualification) had no reviewer to send one.
        var decided = await db.ReviewCases.AsNoTracking()
            .Where(c => c.DecidedAt != null && (c.Status == ReviewStatus.Approved || c.Status == ReviewStatus.Closed || c.Status == ReviewStatus.Returned)
                        && !db.ApprovalHistories.Any(h => h.ReviewCaseId == c.Id && h.Operator == ReviewCase.SystemOperator))
            .ToListAsync(ct);
        foreach (var kind in decided.GroupBy(c => c.Kind))
        {
            var names = await handlers.Single(h => h.Kind == kind.Key).NamesAsync(db, kind.Select(c => c.SubjectId).ToList(), ct);
            db.Messages.AddRange(kind.Select(c => Message.OfDecision(c, names.GetValueOrDefault(c.SubjectId, ""), c.DecidedAt!.Value)));
        }
    }
}
