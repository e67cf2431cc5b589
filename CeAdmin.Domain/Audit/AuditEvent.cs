namespace CeAdmin.Domain.Audit;

/// <summary>What an audit row records. Stored by name, so new kinds never renumber old rows.</summary>
public enum AuditEvent
{
    /// <summary>An insert, update or delete of business data (the row carries the change).</summary>
    DataWrite,

    // Sign-in and sessions.
    SignIn,
    Lockout,
    SignOut,
    SessionExpired,
    PasswordChanged,
    PasswordReset,
    RoleChosen,
    RoleSwitched,

    // A unit's operators.
    OperatorInvited,
    OperatorBound,
    OperatorAuthorised,
    OperatorDeauthorised,
    OperatorRemoved,

    // The system administrator.
    AccountDisabled,
    AccountEnabled,
    AccountUnlocked,
    PasswordResetForced,
    SystemAccountCreated,
    UnitCreated,
    UnitKindCorrected,
    UnitDisabled,
    UnitEnabled,
    SettingChanged,

    // Personal data.
    PersonalDataViewed,
    AttachmentDownloaded,
    AttachmentPreviewed,
    Exported,
    Imported,

    // The audit trail itself.
    AuditVerified,
    AuditArchived,
}

public enum AuditResult { Succeeded, Refused }

public static class AuditLabels
{
    public static string ToLabel(this AuditEvent kind) => kind switch
    {
        AuditEvent.DataWrite => "数据变更",
        AuditEvent.SignIn => "登录",
        AuditEvent.Lockout => "账号锁定",
        AuditEvent.SignOut => "退出",
        AuditEvent.SessionExpired => "会话失效",
        AuditEvent.PasswordChanged => "修改密码",
        AuditEvent.PasswordReset => "重置密码",
        AuditEvent.RoleChosen => "选择登录角色",
        AuditEvent.RoleSwitched => "切换登录角色",
        AuditEvent.OperatorInvited => "新增经办人",
        AuditEvent.OperatorBound => "经办人绑定单位",
        AuditEvent.OperatorAuthorised => "授权经办人",
        AuditEvent.OperatorDeauthorised => "取消经办人授权",
        AuditEvent.OperatorRemoved => "删除经办人",
        AuditEvent.AccountDisabled => "停用账号",
        AuditEvent.AccountEnabled => "启用账号",
        AuditEvent.AccountUnlocked => "解锁账号",
        AuditEvent.PasswordResetForced => "强制重置密码",
        AuditEvent.SystemAccountCreated => "开设系统账号",
        AuditEvent.UnitCreated => "开设单位",
        AuditEvent.UnitKindCorrected => "更正单位类别",
        AuditEvent.UnitDisabled => "停用单位",
        AuditEvent.UnitEnabled => "启用单位",
        AuditEvent.SettingChanged => "修改运行参数",
        AuditEvent.PersonalDataViewed => "查看个人信息",
        AuditEvent.AttachmentDownloaded => "下载附件",
        AuditEvent.AttachmentPreviewed => "预览附件",
        AuditEvent.Exported => "导出",
        AuditEvent.Imported => "导入",
        AuditEvent.AuditVerified => "校验审计日志",
        AuditEvent.AuditArchived => "审计日志归档",
        _ => kind.ToString(),
    };

    public static string ToLabel(this AuditResult result) => result == AuditResult.Succeeded ? "成功" : "拒绝";
}
