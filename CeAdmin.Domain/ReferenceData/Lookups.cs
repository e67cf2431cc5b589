namespace CeAdmin.Domain.ReferenceData;

/// <summary>Short fixed lists of the forms' selects; stored by their Chinese value.</summary>
public static class Lookups
{
    public static readonly IReadOnlyList<string> UnitNatures = ["机关", "事业单位", "企业", "社会团体", "宗教团体", "其他"];

    public static readonly IReadOnlyList<string> ProfessionalTitles =
    [
        "教授", "副教授", "讲师", "助教",
        "正高级工程师", "高级工程师", "工程师", "助理工程师",
        "主任医师", "副主任医师", "主治医师",
        "研究员", "副研究员", "助理研究员",
        "正高级经济师", "高级经济师", "经济师",
        "高级会计师", "会计师",
        "正高级教师", "高级教师", "一级教师", "二级教师",
    ];

    public static readonly IReadOnlyList<string> StudyModes = ["面授培训", "网络培训", "混合式培训"];

    public static readonly IReadOnlyList<string> ExamTypes = ["笔试", "机考", "面试", "论文", "实操考核"];

    public static readonly IReadOnlyList<string> Genders = ["男性", "女性"];
}
