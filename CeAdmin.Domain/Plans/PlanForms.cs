using CeAdmin.Domain.Common;
using CeAdmin.Domain.ReferenceData;
using FluentValidation;

namespace CeAdmin.Domain.Plans;

/// <summary>基本信息 of a 专业课计划.</summary>
public sealed class PlanForm
{
    public int? CatalogCourseId { get; set; }
    /// <summary>Shown beside the picker; the service takes the name from the course.</summary>
    public string CourseName { get; set; } = "";
    public int? Year { get; set; }
    public string Name { get; set; } = "";
    public decimal? Days { get; set; }
    public decimal? Hours { get; set; }
    public int? PlannedSessions { get; set; } = 1;
    public DateTime? StartDate { get; set; }
    public DateTime? EndDate { get; set; }
    public string Content { get; set; } = "";
    public string Audience { get; set; } = "";
    public string? Remarks { get; set; }

    /// <summary>The stored plan, to edit or to show read-only; <paramref name="courseName"/> is its course's.</summary>
    public static PlanForm From(TrainingPlan plan, string courseName) => new()
    {
        CatalogCourseId = plan.CatalogCourseId, CourseName = courseName, Year = plan.Year, Name = plan.Name, Days = plan.Days, Hours = plan.Hours,
        PlannedSessions = plan.PlannedSessions, StartDate = plan.StartDate.ToDateTime(TimeOnly.MinValue), EndDate = plan.EndDate.ToDateTime(TimeOnly.MinValue),
        Content = plan.Content, Audience = plan.Audience, Remarks = plan.Remarks,
    };
}

/// <summary>The plan form's rules; the hours rule is the plan year's (6 学时 a day before 2021, 8 after).</summary>
public sealed class PlanFormValidator : FormValidator<PlanForm>
{
    /// <param name="clock">For the rule of the current year while no 年度 is chosen yet.</param>
    public PlanFormValidator(HoursRuleBook rules, TimeProvider clock)
    {
        int YearOf(PlanForm f) => f.Year ?? ChinaTime.Today(clock).Year;
        RuleFor(x => x.CatalogCourseId).NotNull().WithMessage("请选择专业课程名称");
        RuleFor(x => x.Year).NotNull().WithMessage("请选择年度").InclusiveBetween(2000, 2100).WithMessage("年度不正确");
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入培训计划名称").MaxChars(100, "培训计划名称");
        RuleFor(x => x.Days).NotNull().WithMessage("请输入培训天数")
            .GreaterThan(0).WithMessage("培训天数必须大于0")
            .LessThanOrEqualTo(365).WithMessage("培训天数不能超过365天")
            .Must(d => d is null || d * 2 == Math.Floor(d.Value * 2)).WithMessage("培训天数以0.5天为单位");
        RuleFor(x => x.Hours).NotNull().WithMessage("请输入继续教育学时").GreaterThan(0).WithMessage("继续教育学时必须大于0");
        RuleFor(x => x.Hours).Must((f, hours) => PlanRules.HoursWithinRule(f.Days, hours, rules.For(YearOf(f))))
            .WithMessage(f => PlanRules.HoursMessage(f.Days, rules.For(YearOf(f))))
            .When(f => f.Days > 0 && f.Hours > 0);
        RuleFor(x => x.PlannedSessions).NotNull().WithMessage("请输入拟办期数").InclusiveBetween(1, 999).WithMessage("拟办期数应在1-999之间");
        RuleFor(x => x.StartDate).NotNull().WithMessage("请选择计划开始时间");
        RuleFor(x => x.EndDate).NotNull().WithMessage("请选择计划完成时间")
            .GreaterThanOrEqualTo(x => x.StartDate).WithMessage("计划完成时间不能早于计划开始时间")
            .When(x => x.StartDate is not null, ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.StartDate).Must((f, start) => start!.Value.Year == f.Year).WithMessage("计划开始时间应在计划年度内")
            .When(f => f.StartDate is not null && f.Year is not null);
        RuleFor(x => x.Content).NotEmpty().WithMessage("请输入培训内容").MaxChars(500, "培训内容");
        RuleFor(x => x.Audience).NotEmpty().WithMessage("请输入培训对象").MaxChars(500, "培训对象");
        RuleFor(x => x.Remarks).MaxChars(500, "备注");
    }
}

/// <summary>The hours and date rules, kept apart so that they read (and are tested) on their own.</summary>
public static class PlanRules
{
    /// <summary>继续教育学时 cannot exceed 培训天数 × the year's hours per day.</summary>
    public static bool HoursWithinRule(decimal? days, decimal? hours, HoursRule rule) =>
        days is null || hours is null || hours <= rule.MaxHoursFor(days.Value);

    public static string HoursMessage(decimal? days, HoursRule rule) =>
        $"继续教育学时不能超过{rule.MaxHoursFor(days ?? 0):0.#}学时（{rule.Year}年度规定一天{rule.HoursPerDay}学时，{days:0.#}天）";

    /// <summary>A class's study dates lie inside its plan's dates.</summary>
    public static bool InsidePlan(DateOnly start, DateOnly end, DateOnly planStart, DateOnly planEnd) =>
        start >= planStart && end <= planEnd && start <= end;
}

/// <summary>培训班新增: 班级基本信息, 班主任 (chosen from enabled teachers), 授课教师 and 培训科目.</summary>
public sealed class ClassForm
{
    public string Name { get; set; } = "";
    public DateTime? PlannedOpenDate { get; set; }
    public string StudyMode { get; set; } = "";
    public DateTime? StudyStart { get; set; }
    public DateTime? StudyEnd { get; set; }
    public int? PlannedEnrolment { get; set; }
    public int? HeadTeacherId { get; set; }
    public string ExamType { get; set; } = "";
    public string Location { get; set; } = "";
    public string Schedule { get; set; } = "";
    public List<int> InstructorIds { get; set; } = [];
    public List<string> Subjects { get; set; } = [];

    /// <summary>The stored class, to edit or to show read-only (instructors and subjects loaded).</summary>
    public static ClassForm From(TrainingClass c) => new()
    {
        Name = c.Name, PlannedOpenDate = ToDate(c.PlannedOpenDate), StudyMode = c.StudyMode, StudyStart = ToDate(c.StudyStart), StudyEnd = ToDate(c.StudyEnd),
        PlannedEnrolment = c.PlannedEnrolment, HeadTeacherId = c.HeadTeacherId, ExamType = c.ExamType, Location = c.Location, Schedule = c.Schedule,
        InstructorIds = c.Instructors.Select(i => i.TeacherId).ToList(), Subjects = c.Subjects.OrderBy(s => s.Id).Select(s => s.Name).ToList(),
    };

    private static DateTime ToDate(DateOnly d) => d.ToDateTime(TimeOnly.MinValue);
}

public sealed class ClassFormValidator : FormValidator<ClassForm>
{
    public ClassFormValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入培训班名称").MaxChars(100, "培训班名称");
        RuleFor(x => x.PlannedOpenDate).NotNull().WithMessage("请选择计划开班时间");
        RuleFor(x => x.StudyMode).NotEmpty().WithMessage("请选择学习形式");
        RuleFor(x => x.StudyStart).NotNull().WithMessage("请选择学习开始时间");
        RuleFor(x => x.StudyEnd).NotNull().WithMessage("请选择学习结束时间")
            .GreaterThanOrEqualTo(x => x.StudyStart).WithMessage("学习结束时间不能早于学习开始时间")
            .When(x => x.StudyStart is not null, ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.PlannedEnrolment).NotNull().WithMessage("请输入计划招生人数").InclusiveBetween(1, 100000).WithMessage("计划招生人数应大于0");
        RuleFor(x => x.HeadTeacherId).NotNull().WithMessage("请选择班主任");
        RuleFor(x => x.ExamType).NotEmpty().WithMessage("请选择考试类型");
        RuleFor(x => x.Location).NotEmpty().WithMessage("请输入学习地点").MaxChars(100, "学习地点");
        RuleFor(x => x.Schedule).NotEmpty().WithMessage("请输入课程具体时间安排").MaxChars(500, "课程具体时间安排");
        RuleForEach(x => x.Subjects).NotEmpty().WithMessage("科目名称不能为空").MaxChars(100, "科目名称");
    }
}
