using System.Linq.Expressions;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;

namespace CeAdmin.Domain.Organizations;

/// <summary>A row of 下级行业主管部门（行业组织）信息审核 (1.5.1) and of the HRSS department's province-level review.</summary>
public sealed record AuthorityReviewRow(
    int CaseId,
    string ApplicantName,
    string Code,
    string ContactName,
    string Phone,
    string ReviewingUnitName,
    string Step,
    ReviewStatus Status) : IReviewRow
{
    public DateTime? SubmittedAt { get; init; }
    public static readonly IReadOnlyList<Exports.ExportColumn<AuthorityReviewRow>> ExportColumns = Exports.ExportColumns.For<AuthorityReviewRow>()
        .Text("单位名称", r => r.ApplicantName, 30).Text("单位代码", r => r.Code, 22).Text("联系人", r => r.ContactName, 12)
        .Text("联系电话", r => r.Phone, 16).AddReviewColumns().Build();
}

/// <summary>The review grid of role applications: 单位名称, 单位代码, 联系人, 联系电话 + the common review columns.</summary>
public sealed class AuthorityReviewQueue : ReviewQueue<Authority, AuthorityReviewRow>
{
    public static readonly AuthorityReviewQueue Instance = new();

    private AuthorityReviewQueue()
    {
    }

    public override ReviewKind Kind => ReviewKind.AuthorityApplication;

    protected internal override IQueryable<Authority> Subjects(AppDbContext db, Scope scope) => db.Authorities.VisibleTo(scope);

    protected internal override Expression<Func<Authority, int>> SubjectId => a => a.Id;

    protected internal override Expression<Func<ReviewQueueItem<Authority>, AuthorityReviewRow>> Row =>
        i => new AuthorityReviewRow(i.Case.Id, i.Case.ApplicantName, i.Subject.Code, i.Subject.ContactName, i.Subject.Mobile,
            i.Case.ReviewingUnitName, i.Case.Step, i.Case.Status) { SubmittedAt = i.Case.SubmittedAt };

    protected internal override IOrderedQueryable<ReviewQueueItem<Authority>>? OrderBySubject(
        IQueryable<ReviewQueueItem<Authority>> items, string column, bool descending) => column switch
        {
            nameof(AuthorityReviewRow.Code) => items.OrderBy(i => i.Subject.Code, descending),
            _ => null,
        };
}
