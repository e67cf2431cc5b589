namespace CeAdmin.Domain.Organizations;

/// <summary>The fixed names and texts of 行业主管角色申请 (1.2.1) in the review workflow and the 附件材料.</summary>
public static class AuthorityApplication
{
    /// <summary><see cref="Attachments.Attachment.OwnerType"/> of an authority's 附件材料 (owner id: the authority's id).</summary>
    public const string AttachmentOwnerType = "Authority";

    /// <summary>The material that must be uploaded before 送审.</summary>
    public const string RequiredMaterial = "统一社会信用代码证（组织机构代码）";

    /// <summary>审批流程 业务步骤 of the submission.</summary>
    public const string SubmitStep = "行业主管角色申请";

    /// <summary>审核环节 of a province-level application, reviewed by the HRSS department.</summary>
    public const string ProvinceReviewStep = "省级行业主管单位信息审核,人社业务主管部门";

    /// <summary>审核环节 of a city or county application, reviewed by the parent authority.</summary>
    public const string ReviewStep = "市(县、区)行业主管单位信息审核";

    public const string NoParentMessage =
        "上一级行业主管部门尚未在本系统注册申请角色，请联系上一级行业主管部门先完成角色申请（省级→市级→区县）";

    public const string MissingMaterialMessage = "请先上传本单位的统一社会信用代码证（组织机构代码）再送审";

    public const string NotAppliedMessage = "请先填写并保存行业主管基本信息";
}
