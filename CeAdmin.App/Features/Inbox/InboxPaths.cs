using CeAdmin.App.Features.Organizations;
using CeAdmin.App.Features.Plans;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Messages;

namespace CeAdmin.App.Features.Inbox;

/// <summary>Where a 待办 item or a 站内消息 is dealt with.</summary>
public static class InboxPaths
{
    public const string Messages = "messages";
    public const string QualificationReviews = "qualification-reviews";

    /// <summary>A review grid showing only its 待审核 cases (the grids read <c>status</c> from the address).</summary>
    public static string Pending(string grid) => $"{grid}?status={nameof(ReviewStatus.Submitted)}";

    public static string PendingAuthorities => Pending(AuthorityReviewTitles.ListHref);
    public static string PendingQualifications => Pending(QualificationReviews);
    public static string PendingPlans => Pending(PlanPaths.Reviews);

    /// <summary>The applicant's own page of an application: where a draft is finished and a returned one changed.</summary>
    public static string Application(ReviewKind kind, int subjectId) => kind switch
    {
        ReviewKind.AuthorityApplication => "authority/application",
        ReviewKind.Qualification => "institution",
        ReviewKind.TrainingPlan => PlanPaths.Plan(subjectId),
        _ => "",
    };

    /// <summary>Where the message's matter is dealt with, if anywhere.</summary>
    public static string? Of(MessageRow message) => message.Topic switch
    {
        MessageTopic.ReviewDecided when message is { SubjectKind: { } kind, SubjectId: { } id } => Application(kind, id),
        MessageTopic.OperatorInvited => "account/my-units",
        _ => null,
    };

    /// <summary>The review status a grid's address asks for (<c>?status=Submitted</c>), if it names one a reviewer sees.</summary>
    public static ReviewStatus? StatusFromQuery(string? status) =>
        Enum.TryParse<ReviewStatus>(status, ignoreCase: false, out var s) && s != ReviewStatus.Draft && Enum.IsDefined(s) ? s : null;
}
