using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Organizations;

namespace CeAdmin.Domain.Plans;

/// <summary>
/// 专业课计划: a plan to run a published catalog course, filed by an institution, an employer or an
/// authority (1.4.2), and reviewed through the one workflow (1.4.1).
/// </summary>
public sealed class TrainingPlan : Approvals.IReviewSubject
{
    public int Id { get; set; }
    /// <summary>The unit that files the plan.</summary>
    public int OwnerUnitId { get; set; }
    public UnitKind OwnerKind { get; set; }
    public string OwnerName { get; set; } = "";
    /// <summary>Where the owner is; decides which authority reviews and who may query it.</summary>
    public string RegionCode { get; set; } = "";
    public int CatalogCourseId { get; set; }
    /// <summary>The chosen course (专业课程名称), for projections that show its name.</summary>
    public CatalogCourse? Course { get; set; }
    /// <summary>The series of the course's catalog, kept here for scope filters.</summary>
    public int SeriesId { get; set; }
    public int Year { get; set; }
    /// <summary>培训计划名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>培训天数.</summary>
    public decimal Days { get; set; }
    /// <summary>继续教育学时.</summary>
    public decimal Hours { get; set; }
    /// <summary>拟办期数.</summary>
    public int PlannedSessions { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>培训内容.</summary>
    public string Content { get; set; } = "";
    /// <summary>培训对象.</summary>
    public string Audience { get; set; } = "";
    public string? Remarks { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public List<TrainingClass> Classes { get; } = [];

    /// <summary>保存 of 基本信息: the validated form, the published course it names and where its owner is now.</summary>
    public void Update(PlanForm form, PlanOwner owner, int catalogCourseId, int seriesId)
    {
        OwnerName = owner.Name;
        RegionCode = owner.RegionCode;
        CatalogCourseId = catalogCourseId;
        SeriesId = seriesId;
        Year = form.Year!.Value;
        Name = form.Name.Trim();
        Days = form.Days!.Value;
        Hours = form.Hours!.Value;
        PlannedSessions = form.PlannedSessions!.Value;
        StartDate = DateOnly.FromDateTime(form.StartDate!.Value);
        EndDate = DateOnly.FromDateTime(form.EndDate!.Value);
        Content = form.Content.Trim();
        Audience = form.Audience.Trim();
        Remarks = string.IsNullOrWhiteSpace(form.Remarks) ? null : form.Remarks.Trim();
    }
}

/// <summary>培训班: one class run under a plan.</summary>
public sealed class TrainingClass
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public TrainingPlan? Plan { get; set; }
    public string Name { get; set; } = "";
    /// <summary>计划开班时间.</summary>
    public DateOnly PlannedOpenDate { get; set; }
    /// <summary>学习形式.</summary>
    public string StudyMode { get; set; } = "";
    public DateOnly StudyStart { get; set; }
    public DateOnly StudyEnd { get; set; }
    /// <summary>计划招生人数.</summary>
    public int PlannedEnrolment { get; set; }
    /// <summary>考试类型.</summary>
    public string ExamType { get; set; } = "";
    /// <summary>学习地点.</summary>
    public string Location { get; set; } = "";
    /// <summary>课程具体时间安排.</summary>
    public string Schedule { get; set; } = "";
    /// <summary>班主任: an enabled teacher of the registry at the time of choosing; his details are kept on the class.</summary>
    public int? HeadTeacherId { get; set; }
    public string HeadTeacherName { get; set; } = "";
    public string HeadTeacherPhone { get; set; } = "";
    public string HeadTeacherIdNumber { get; set; } = "";
    public string HeadTeacherEmail { get; set; } = "";
    public string HeadTeacherTitle { get; set; } = "";
    public List<ClassInstructor> Instructors { get; } = [];
    public List<ClassSubject> Subjects { get; } = [];

    /// <summary>
    /// 保存 of 培训班新增: the validated form and its 班主任, whose details the class keeps. The service has
    /// checked that newly chosen teachers are enabled ones of the owner's registry.
    /// </summary>
    public void Update(ClassForm form, Teachers.Teacher headTeacher)
    {
        Name = form.Name.Trim();
        PlannedOpenDate = DateOnly.FromDateTime(form.PlannedOpenDate!.Value);
        StudyMode = form.StudyMode;
        StudyStart = DateOnly.FromDateTime(form.StudyStart!.Value);
        StudyEnd = DateOnly.FromDateTime(form.StudyEnd!.Value);
        PlannedEnrolment = form.PlannedEnrolment!.Value;
        ExamType = form.ExamType;
        Location = form.Location.Trim();
        Schedule = form.Schedule.Trim();
        HeadTeacherId = headTeacher.Id;
        HeadTeacherName = headTeacher.Name;
        HeadTeacherPhone = headTeacher.Phone;
        HeadTeacherIdNumber = headTeacher.IdNumber;
        HeadTeacherEmail = headTeacher.Email;
        HeadTeacherTitle = headTeacher.Title;
        Instructors.RemoveAll(i => !form.InstructorIds.Contains(i.TeacherId));
        foreach (var id in form.InstructorIds.Distinct().Where(id => Instructors.All(i => i.TeacherId != id)))
            Instructors.Add(new ClassInstructor { TeacherId = id });
        Subjects.Clear();
        Subjects.AddRange(form.Subjects.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().Select(s => new ClassSubject { Name = s }));
    }
}

/// <summary>授课教师: chosen with 选入教师 from enabled teachers.</summary>
public sealed class ClassInstructor
{
    public int Id { get; set; }
    public int ClassId { get; set; }
    public int TeacherId { get; set; }
}

/// <summary>培训科目.</summary>
public sealed class ClassSubject
{
    public int Id { get; set; }
    public int ClassId { get; set; }
    public string Name { get; set; } = "";
}
