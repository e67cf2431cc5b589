using CeAdmin.Domain.Approvals;

namespace CeAdmin.Domain.Messages;

/// <summary>What a 站内消息 is about; the page links each topic to where it is dealt with.</summary>
public enum MessageTopic
{
    /// <summary>A case of the recipient unit was decided (审核结果 and 审核意见).</summary>
    ReviewDecided,

    /// <summary>A unit asks the recipient's personal account to become its operator (1.1.4 通过申请).</summary>
    OperatorInvited,
}

/// <summary>
/// One 站内消息, for a unit (all its operators read it) or for one personal account (only that account reads
/// it), never both. Written by the service whose save it reports, in that same save. Read state is kept per
/// account (<see cref="MessageRead"/>): one operator reading a unit's message leaves it unread for the others.
/// </summary>
public class Message
{
    public const int TitleMaxLength = 100;
    public const int BodyMaxLength = 1000;

    // For EF Core.
    private Message()
    {
    }

    public int Id { get; private set; }

    /// <summary>The unit whose operators receive it; null for a personal message.</summary>
    public int? RecipientUnitId { get; private set; }

    /// <summary>The personal account that receives it; null for a unit's message.</summary>
    public string? RecipientUserId { get; private set; }

    public MessageTopic Topic { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    /// <summary>For <see cref="MessageTopic.ReviewDecided"/>: the kind and subject of the decided case (where its page is).</summary>
    public ReviewKind? SubjectKind { get; private set; }

    public int? SubjectId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// 审核结果 for the applicant unit: the decision, who made it and the opinion, and what to do next when returned.
    /// <paramref name="subjectName"/> names the application (the plan, the series applied for).
    /// </summary>
    public static Message OfDecision(ReviewCase decided, string subjectName, DateTime nowUtc)
    {
        var result = decided.Status.ToLabel();
        var next = decided.Status switch
        {
            ReviewStatus.Returned => "请按审核意见修改后重新送审。",
            ReviewStatus.Closed => "该申请已结案，不能再修改或送审。",
            _ => "",
        };
        return new Message
        {
            RecipientUnitId = decided.ApplicantUnitId,
            Topic = MessageTopic.ReviewDecided,
            Title = Clip($"{decided.Kind.ToLabel()}“{subjectName}”审核结果：{result}", TitleMaxLength),
            Body = Clip($"{decided.ReviewingUnitName}已审核您的{decided.Kind.ToLabel()}“{subjectName}”，审核结果：{result}。审核意见：{Sentence(decided.LastOpinion)}{next}", BodyMaxLength),
            SubjectKind = decided.Kind,
            SubjectId = decided.SubjectId,
            CreatedAt = nowUtc,
        };
    }

    /// <summary>A unit invited the person as its operator: the binding waits for his 通过申请.</summary>
    public static Message OfInvitation(string personUserId, string unitName, DateTime nowUtc) => new()
    {
        RecipientUserId = personUserId,
        Topic = MessageTopic.OperatorInvited,
        Title = Clip($"“{unitName}”申请绑定您为单位经办人", TitleMaxLength),
        Body = Clip($"“{unitName}”申请将您的个人账号绑定为本单位经办人。请以个人账号登录，在“我经办的单位账号信息”中通过申请；通过后由该单位授权，即可以单位角色办理业务。", BodyMaxLength),
        CreatedAt = nowUtc,
    };

    /// <summary>The opinion as a sentence: its own full stop if it has one, else one added.</summary>
    private static string Sentence(string? text) =>
        text is { Length: > 0 } t && "。！？.!?".Contains(t[^1]) ? t : $"{text}。";

    // Names and opinions are limited where they are entered; a message only quotes them.
    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>That one account has read one message (未读/已读 is per account).</summary>
public class MessageRead
{
    public int MessageId { get; set; }

    public string UserId { get; set; } = string.Empty;

    public DateTime ReadAt { get; set; }
}
