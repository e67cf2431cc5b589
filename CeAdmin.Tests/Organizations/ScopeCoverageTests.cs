using System.Reflection;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Administration;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Catalogs;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Institutions;
using CeAdmin.Domain.Messages;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Plans;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;
using CeAdmin.Domain.Statistics;
using CeAdmin.Domain.Teachers;
using CeAdmin.Tests.Attachments;
using CeAdmin.Tests.Plans;
using CeAdmin.Tests.Records;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Organizations;

/// <summary>
/// A new service method cannot forget the scope rule: every public method of every Domain service that
/// serves a signed-in caller (it takes <see cref="ICurrentUser"/>) is listed here with how it keeps to the
/// caller's scope, and each is called by callers outside the scope of <see cref="ScopeWorld"/>'s inside
/// rows: it refuses them (<see cref="ScopeException"/>) or its result holds none of those rows. A method
/// missing from the list fails the first test.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScopeCoverageTests(ScopeWorld world) : IClassFixture<ScopeWorld>
{
    private delegate Task Probe(ScopeWorld w);

    /// <param name="How">refused / filtered / own unit / not scoped.</param>
    /// <param name="Why">For own-unit and unscoped methods: why no other unit's rows can be reached.</param>
    private sealed record Rule(string How, Probe? Probe, string? Why = null);

    private static Rule Refused(Probe probe) => new("refused", probe);
    private static Rule Filtered(Probe probe) => new("filtered", probe);
    private static Rule OwnUnit(string why, Probe? probe = null) => new("own unit", probe, why);
    private static Rule NotScoped(string why) => new("not scoped", null, why);

    private static readonly PageRequest All = new(PageSize: 100);

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["ReviewService.OpenAsync"] = Refused(async w =>
        {
            foreach (var a in w.OutsideAuthorities)
            {
                await RefusedAsync(() => w.App.As<ReviewService>(a).OpenAsync<PlanDetail>(ReviewKind.TrainingPlan, w.PlanCaseId));
                await RefusedAsync(() => w.App.As<ReviewService>(a).OpenAsync<QualificationDetail>(ReviewKind.Qualification, w.QualificationCaseId));
                await RefusedAsync(() => w.App.As<ReviewService>(a).OpenAsync<AuthorityDetail>(ReviewKind.AuthorityApplication, w.CountyCaseId));
            }
            await RefusedAsync(() => w.App.As<ReviewService>(w.OtherInstitution).OpenAsync<PlanDetail>(ReviewKind.TrainingPlan, w.PlanCaseId));
        }),
        ["ReviewService.HistoryAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities.Append(w.OtherInstitution), a => w.App.As<ReviewService>(a).HistoryAsync(w.CountyCaseId))),
        ["ReviewService.DecideAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<ReviewService>(a).DecideAsync(w.CountyCaseId, ReviewDecision.RejectAndClose, "越权"))),
        ["ReviewService.BatchReviewAsync"] = Filtered(async w =>
        {
            foreach (var a in w.OutsideAuthorities)
            {
                var result = await w.App.As<ReviewService>(a).BatchReviewAsync([w.CountyCaseId, w.PlanCaseId], ReviewDecision.RejectAndClose, "越权");
                Assert.All(result.Items, i => Assert.False(i.Succeeded));
                Hidden(result);
            }
        }),
        ["ReviewService.QueueAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, async a =>
        {
            var reviews = w.App.As<ReviewService>(a);
            Hidden(await reviews.QueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), All));
            Hidden(await reviews.QueueAsync(new QualificationReviewQueue(), new ReviewQueueFilter(), All));
            Hidden(await reviews.QueueAsync(new PlanReviewQueue(new PlanFilter()), new ReviewQueueFilter(), All));
        })),
        ["ReviewService.CountAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, async a =>
        {
            var reviews = w.App.As<ReviewService>(a);
            var pending = new ReviewQueueFilter(Status: ReviewStatus.Submitted);
            Assert.Equal(0, await reviews.CountAsync(AuthorityReviewQueue.Instance, pending));
            Assert.Equal(0, await reviews.CountAsync(new QualificationReviewQueue(), pending));
            Assert.Equal(0, await reviews.CountAsync(new PlanReviewQueue(new PlanFilter()), pending));
        })),
        ["ReviewService.MyOpenCasesAsync"] = OwnUnit("the caller unit's own applications (ApplicantUnitId)", async w =>
            Hidden(await w.App.As<ReviewService>(w.OtherInstitution).MyOpenCasesAsync())),
        ["ReviewService.ExportQueueAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, a => HiddenInExportAsync(s =>
            w.App.As<ReviewService>(a).ExportQueueAsync(AuthorityReviewQueue.Instance, new ReviewQueueFilter(), AuthorityReviewRow.ExportColumns, "审核", s, null)))),

        // 站内消息: the account's own and, in a unit role, its unit's (the inside institution has its plan's decision).
        ["MessageService.ListAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities.Append(w.OtherInstitution).Append(w.OtherPerson), async a =>
            Hidden(await w.App.As<MessageService>(a).ListAsync(new MessageFilter(), All)))),
        ["MessageService.UnreadCountAsync"] = OwnUnit("counts the messages of the caller's own account and unit"),
        ["MessageService.MarkReadAsync"] = Refused(async w =>
        {
            var id = await InsideMessageIdAsync(w);
            await EachRefusedAsync(w.OutsideAuthorities.Append(w.OtherInstitution).Append(w.OtherPerson).Append(w.OtherUnitLogin), a => w.App.As<MessageService>(a).MarkReadAsync(id));
        }),
        ["MessageService.MarkAllReadAsync"] = OwnUnit("marks the messages of the caller's own account and unit", async w =>
        {
            var id = await InsideMessageIdAsync(w);
            await w.App.As<MessageService>(w.OtherInstitution).MarkAllReadAsync();
            await using var db = w.App.Db();
            Assert.False(await db.MessageReads.AnyAsync(r => r.MessageId == id && r.UserId == w.OtherInstitution.UserId));
        }),

        // 常用审核意见: each reviewing unit's own.
        ["CommonOpinionService.ListAsync"] = OwnUnit("the caller unit's own opinions (UnitId)", async w =>
        {
            await w.App.As<CommonOpinionService>(w.Chain.City).SaveAsync(null, new CommonOpinionForm { Decision = ReviewDecision.Approve, Text = "范围常用意见（列表）" });
            foreach (var a in w.OutsideAuthorities) Assert.DoesNotContain(await w.App.As<CommonOpinionService>(a).ListAsync(), o => o.Text.StartsWith("范围常用意见"));
        }),
        ["CommonOpinionService.SaveAsync"] = Refused(async w =>
        {
            var id = await w.App.As<CommonOpinionService>(w.Chain.City).SaveAsync(null, new CommonOpinionForm { Decision = ReviewDecision.Approve, Text = "范围常用意见（修改）" });
            await EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<CommonOpinionService>(a).SaveAsync(id, new CommonOpinionForm { Decision = ReviewDecision.Approve, Text = "越权" }));
        }),
        ["CommonOpinionService.DeleteAsync"] = Refused(async w =>
        {
            var id = await w.App.As<CommonOpinionService>(w.Chain.City).SaveAsync(null, new CommonOpinionForm { Decision = ReviewDecision.Approve, Text = "范围常用意见（删除）" });
            await EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<CommonOpinionService>(a).DeleteAsync(id));
        }),

        // 专业课目录: a province-level authority's own catalogs.
        ["CatalogService.ListAsync"] = Filtered(async w => Assert.DoesNotContain((await w.App.As<CatalogService>(w.OtherSeries).ListAsync(new CatalogFilter(), All)).Items, r => r.Id == w.CatalogId)),
        ["CatalogService.GetAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<CatalogService>(a).GetAsync(w.CatalogId))),
        ["CatalogService.SaveAsync"] = Refused(w => RefusedAsync(() => w.App.As<CatalogService>(w.OtherSeries).SaveAsync(w.CatalogId,
            new CatalogForm { SeriesId = AuthorityScenario.Engineering, DeclaredOn = new DateTime(2026, 1, 5), OperatorName = "王海涛", Year = 2026 }))),
        ["CatalogService.SaveCourseAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<CatalogService>(a).SaveCourseAsync(w.CatalogId, null, new CourseForm { Name = "越权课程", Content = "越权" }))),
        ["CatalogService.DeleteCourseAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<CatalogService>(a).DeleteCourseAsync(w.CatalogId, w.CourseId))),
        ["CatalogService.PublishAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<CatalogService>(a).PublishAsync(w.CatalogId))),
        ["PublishedCourses.SearchAsync"] = NotScoped("published catalogs are the province's public guidance: every unit chooses its plans' courses from them"),

        // 师资: each unit's own registry.
        ["TeacherService.ListAsync"] = Filtered(async w => Hidden(await w.App.As<TeacherService>(w.OtherInstitution).ListAsync(new TeacherFilter(), All))),
        ["TeacherService.GetForEditAsync"] = Refused(w => RefusedAsync(() => w.App.As<TeacherService>(w.OtherInstitution).GetForEditAsync(w.TeacherId))),
        ["TeacherService.CreateAsync"] = OwnUnit("a new teacher joins the caller's own registry"),
        ["TeacherService.UpdateAsync"] = Refused(w => RefusedAsync(() => w.App.As<TeacherService>(w.OtherInstitution).UpdateAsync(w.TeacherId, PlanTestData.Teacher("越权教师", 8)))),
        ["TeacherService.EnableAsync"] = Refused(w => RefusedAsync(() => w.App.As<TeacherService>(w.OtherInstitution).EnableAsync(w.TeacherId))),
        ["TeacherService.DisableAsync"] = Refused(w => RefusedAsync(() => w.App.As<TeacherService>(w.OtherInstitution).DisableAsync(w.TeacherId))),
        ["TeacherService.DeleteAsync"] = Refused(w => RefusedAsync(() => w.App.As<TeacherService>(w.OtherInstitution).DeleteAsync(w.TeacherId))),
        ["TeacherService.EnabledTeachersAsync"] = Filtered(async w => Hidden(await w.App.As<TeacherService>(w.OtherInstitution).EnabledTeachersAsync())),

        // 专业课计划申报 / 备案 and 培训班.
        ["PlanService.MyPlansAsync"] = Filtered(async w => Hidden(await w.App.As<PlanService>(w.OtherEmployer).MyPlansAsync(new PlanFilter(), All))),
        ["PlanService.HoursRulesAsync"] = NotScoped("reference data: the hours rule of each year, the same for everyone"),
        ["PlanService.GetAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities.Append(w.OtherInstitution), a => w.App.As<PlanService>(a).GetAsync(w.PlanId))),
        ["PlanService.SaveAsync"] = Refused(w => RefusedAsync(() => w.App.As<PlanService>(w.OtherEmployer).SaveAsync(w.PlanId, PlanTestData.Form(w.CourseId, "越权计划")))),
        ["PlanService.SubmitAsync"] = Refused(w => RefusedAsync(() => w.App.As<PlanService>(w.OtherEmployer).SubmitAsync(w.PlanId))),
        ["PlanService.DeleteAsync"] = Refused(w => RefusedAsync(() => w.App.As<PlanService>(w.OtherEmployer).DeleteAsync(w.PlanId))),
        ["PlanQueryService.PlansAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, async a => Hidden(await w.App.As<PlanQueryService>(a).PlansAsync(new PlanFilter(), All)))),
        ["PlanQueryService.ExportPlansAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, a => HiddenInExportAsync(s => w.App.As<PlanQueryService>(a).ExportPlansAsync(new PlanFilter(), s, null)))),
        ["PlanQueryService.ClassesAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, async a => Hidden(await w.App.As<PlanQueryService>(a).ClassesAsync(new ClassFilter(), All)))),
        ["PlanQueryService.ExportClassesAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, a => HiddenInExportAsync(s => w.App.As<PlanQueryService>(a).ExportClassesAsync(new ClassFilter(), s, null)))),
        ["ClassService.GetAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities.Append(w.OtherInstitution), a => w.App.As<ClassService>(a).GetAsync(w.PlanId, w.ClassId))),
        ["ClassService.SelectableTeachersAsync"] = Filtered(async w => Hidden(await w.App.As<ClassService>(w.OtherInstitution).SelectableTeachersAsync())),
        ["ClassService.SaveAsync"] = Refused(w => RefusedAsync(() => w.App.As<ClassService>(w.OtherEmployer).SaveAsync(w.PlanId, w.ClassId, PlanTestData.Class(w.TeacherId, [w.TeacherId])))),
        ["ClassService.DeleteAsync"] = Refused(w => RefusedAsync(() => w.App.As<ClassService>(w.OtherEmployer).DeleteAsync(w.PlanId, [w.ClassId]))),

        // 结业名单 and records.
        ["RosterService.EndedClassesAsync"] = Filtered(async w => Hidden(await w.App.As<RosterService>(w.OtherInstitution).EndedClassesAsync())),
        ["RosterService.ExportEndedClassesAsync"] = Filtered(w => HiddenInExportAsync(s => w.App.As<RosterService>(w.OtherInstitution).ExportEndedClassesAsync(s, null))),
        ["RosterService.GetClassAsync"] = Refused(w => RefusedAsync(() => w.App.As<RosterService>(w.OtherInstitution).GetClassAsync(w.ClassId))),
        ["RosterService.DefaultsAsync"] = Refused(w => RefusedAsync(() => w.App.As<RosterService>(w.OtherInstitution).DefaultsAsync(w.ClassId, []))),
        ["RosterService.SubmitAsync"] = Refused(w => RefusedAsync(() => w.App.As<RosterService>(w.OtherInstitution).SubmitAsync(w.ClassId, new RosterForm()))),
        ["RecordImportService.ImportAsync"] = Filtered(async w =>
        {
            var result = await w.App.As<RecordImportService>(w.OtherCity).ImportAsync(ImportRows.Workbook([ImportRows.Row(ImportRows.Id("440106", 301), name: "越权学员")]));
            Assert.Equal(0, result.Imported);
            Assert.Contains(result.Problems, p => p.Reason.Contains("不在本单位管辖范围内"));
        }),
        ["CeRecordService.ScopeInfoAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, async a => Hidden(await w.App.As<CeRecordService>(a).ScopeInfoAsync()))),
        ["CeRecordService.QueryAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, async a =>
            Hidden(await w.App.As<CeRecordService>(a).QueryAsync(new CeRecordFilter(), new RecordPageRequest(new PageSeek.First(), 100, IncludeTotal: true))))),
        ["CeRecordService.GetAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<CeRecordService>(a).GetAsync(w.RecordId))),
        ["CeRecordService.ExportAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, a => HiddenInExportAsync(s => w.App.As<CeRecordService>(a).ExportAsync(new CeRecordFilter(), s, null)))),

        // 机构信息与专业培训资格申请.
        ["InstitutionService.GetMineAsync"] = OwnUnit("the caller's own institution", async w => Hidden(await w.App.As<InstitutionService>(w.OtherInstitution).GetMineAsync())),
        ["InstitutionService.SaveMineAsync"] = OwnUnit("writes the caller's own institution"),
        ["InstitutionService.MyQualificationsAsync"] = Filtered(async w => Assert.Empty(await w.App.As<InstitutionService>(w.OtherInstitution).MyQualificationsAsync())),
        ["InstitutionService.ApplyAsync"] = OwnUnit("applies for the caller's own institution"),
        ["InstitutionService.SubmitAsync"] = Refused(w => RefusedAsync(() => w.App.As<InstitutionService>(w.OtherInstitution).SubmitAsync(w.QualificationId))),
        ["InstitutionService.DeleteDraftAsync"] = Refused(w => RefusedAsync(() => w.App.As<InstitutionService>(w.OtherInstitution).DeleteDraftAsync(w.QualificationId))),

        // 统计分析.
        ["StatisticsService.StartAsync"] = Filtered(async w => Assert.Equal("440600", (await w.App.As<StatisticsService>(w.OtherCity).StartAsync()).RegionCode)),
        ["StatisticsService.GetAsync"] = Filtered(async w =>
        {
            await RefusedAsync(() => w.App.As<StatisticsService>(w.OtherCity).GetAsync(new StatisticsQuery("440100")));
            await RefusedAsync(() => w.App.As<StatisticsService>(w.OtherSeries).GetAsync(new StatisticsQuery("440000", SeriesId: AuthorityScenario.HigherEducation)));
            var province = await w.App.As<StatisticsService>(w.OtherSeries).GetAsync(new StatisticsQuery("440000"));
            Assert.Equal((0, 0, 0), (province.Total.Records, province.Total.PlansSubmitted, province.Total.Classes));
        }),

        // Accounts: a person's own account, a unit's own operators, the registration of a new unit.
        ["UnitAccountService.CheckOwnerAsync"] = NotScoped("unit registration reads no unit's data; the owner proves himself by ID number and SMS code"),
        ["UnitAccountService.SendRegistrationCodeAsync"] = NotScoped("unit registration reads no unit's data; the owner proves himself by ID number and SMS code"),
        ["UnitAccountService.CompleteRegistrationAsync"] = NotScoped("unit registration reads no unit's data; the owner proves himself by ID number and SMS code"),
        ["UnitAccountService.OperatorsAsync"] = Filtered(async w =>
            Assert.DoesNotContain(await w.App.As<UnitAccountService>(w.OtherUnitLogin).OperatorsAsync(), o => o.Id == w.InstitutionOperatorId)),
        ["UnitAccountService.InviteOperatorAsync"] = OwnUnit("invites into the caller's own unit"),
        ["UnitAccountService.SetAuthorisedAsync"] = Refused(w => RefusedAsync(() => w.App.As<UnitAccountService>(w.OtherUnitLogin).SetAuthorisedAsync(w.InstitutionOperatorId, false))),
        ["UnitAccountService.RemoveOperatorAsync"] = Refused(w => RefusedAsync(() => w.App.As<UnitAccountService>(w.OtherUnitLogin).RemoveOperatorAsync(w.InstitutionOperatorId))),
        ["PasswordService.ChangeAsync"] = OwnUnit("changes the signed-in account's own password"),
        ["PasswordService.SendResetCodeAsync"] = NotScoped("用户密码重置 before sign-in: reads no unit's data; the code goes to the account's own mobile and the answer is the same whether or not it exists"),
        ["PasswordService.ResetAsync"] = NotScoped("用户密码重置 before sign-in: reads no unit's data; the code goes to the account's own mobile and the answer is the same whether or not it exists"),
        ["PersonalAccountService.RegisterAsync"] = NotScoped("registers a new person; reads no unit's data"),
        ["PersonalAccountService.GetProfileAsync"] = OwnUnit("the caller's own personal account"),
        ["PersonalAccountService.VerifyRealNameAsync"] = OwnUnit("the caller's own personal account"),
        ["PersonalAccountService.MyUnitsAsync"] = OwnUnit("the caller's own invitations", async w => Hidden(await w.App.As<PersonalAccountService>(w.OtherPerson).MyUnitsAsync())),
        ["PersonalAccountService.AcceptAsync"] = Refused(w => RefusedAsync(() => w.App.As<PersonalAccountService>(w.OtherPerson).AcceptAsync(w.InstitutionOperatorId))),

        // 附件材料: the owner's rule (IAttachmentOwner) decides.
        ["AttachmentService.ListAsync"] = Refused(w => EachAsync(w.OutsideAuthorities.Append(w.OtherInstitution), async a =>
        {
            await RefusedAsync(() => w.App.As<AttachmentService>(a).ListAsync(PlanService.OwnerType, w.PlanId));
            await RefusedAsync(() => w.App.As<AttachmentService>(a).ListAsync(InstitutionService.OwnerType, w.QualificationId));
            await RefusedAsync(() => w.App.As<AttachmentService>(a).ListAsync(AuthorityApplication.AttachmentOwnerType, w.CountyAuthorityId));
        })),
        ["AttachmentService.UploadAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities.Append(w.OtherInstitution), a =>
            w.App.As<AttachmentService>(a).UploadAsync(PlanService.OwnerType, w.PlanId, "", "越权.pdf", SampleFiles.Pdf()))),
        ["AttachmentService.DownloadAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities.Append(w.OtherInstitution), a => w.App.As<AttachmentService>(a).DownloadAsync(w.PlanAttachmentId))),
        ["AttachmentService.DeleteAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities.Append(w.OtherInstitution), a => w.App.As<AttachmentService>(a).DeleteAsync(w.PlanAttachmentId))),

        // Reference data and administration.
        ["HoursRuleService.ListAsync"] = NotScoped("reference data: the hours rule of each year, the same for everyone"),
        ["HoursRuleService.SaveAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<HoursRuleService>(a).SaveAsync(new HoursRuleForm()))),
        ["SystemAdministrationService.CreateHrssDepartmentAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<SystemAdministrationService>(a).CreateHrssDepartmentAsync(new HrssDepartmentForm()))),
        ["SystemAdministrationService.DisableAccountAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<SystemAdministrationService>(a).DisableAccountAsync("someone"))),
        ["SystemAdministrationService.EnableAccountAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities, a => w.App.As<SystemAdministrationService>(a).EnableAccountAsync("someone"))),
        // 系统管理 and 安全审计 (docs/decisions/0016): not region-scoped; every unit, person and unit login is refused.
        ["SystemAdministrationService.SearchAccountsAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<SystemAdministrationService>(a).SearchAccountsAsync(new AccountFilter(), All))),
        ["SystemAdministrationService.UnlockAccountAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<SystemAdministrationService>(a).UnlockAccountAsync("someone"))),
        ["SystemAdministrationService.ForcePasswordResetAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<SystemAdministrationService>(a).ForcePasswordResetAsync("someone"))),
        ["SystemAdministrationService.CreateSystemAccountAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<SystemAdministrationService>(a).CreateSystemAccountAsync(new SystemAccountForm()))),
        ["UnitAdministrationService.SearchAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<UnitAdministrationService>(a).SearchAsync(new UnitFilter(), All))),
        ["UnitAdministrationService.CorrectKindAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<UnitAdministrationService>(a).CorrectKindAsync(a.UnitId, UnitKind.Employer))),
        ["UnitAdministrationService.DisableAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<UnitAdministrationService>(a).DisableAsync(a.UnitId))),
        ["UnitAdministrationService.EnableAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<UnitAdministrationService>(a).EnableAsync(a.UnitId))),
        ["RuntimeSettingsService.ListAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<RuntimeSettingsService>(a).ListAsync())),
        ["RuntimeSettingsService.ChangeAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<RuntimeSettingsService>(a).ChangeAsync(RuntimeSettings.AuditRetentionDays, 365))),
        ["RuntimeSettingsService.RefreshAsync"] = NotScoped("reads the stored run-time settings into this instance's own copy; returns nothing to the caller"),
        ["AuditService.QueryAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<AuditService>(a).QueryAsync(new AuditFilter(), new AuditPageRequest(new PageSeek.First())))),
        ["AuditService.ExportAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<AuditService>(a).ExportAsync(new AuditFilter(), Stream.Null, null))),
        ["AuditService.VerifyAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<AuditService>(a).VerifyAsync())),
        ["AuditService.LatestVerificationAsync"] = Refused(w => EachRefusedAsync(NotSystem(w), a => w.App.As<AuditService>(a).LatestVerificationAsync())),
        ["AuditLog.RecordAsync"] = NotScoped("appends an event in the caller's own name; reads nothing"),
        ["AuditLog.RefusalsOfAsync"] = NotScoped("runs the caller's own service call and appends its refusal in the caller's name; reads nothing"),

        // 行业主管: the caller's own application and profile; other authorities by id.
        ["AuthorityApplicationService.GetMineAsync"] = OwnUnit("the caller's own application", async w => Hidden(await w.App.As<AuthorityApplicationService>(w.OtherCity).GetMineAsync())),
        ["AuthorityApplicationService.ParentOptionsAsync"] = NotScoped("who may be chosen as the parent authority is what every applicant of a level, region and series must see (1.2.1)"),
        ["AuthorityApplicationService.SaveAsync"] = OwnUnit("writes the caller's own application"),
        ["AuthorityApplicationService.SubmitAsync"] = OwnUnit("submits the caller's own application"),
        ["AuthorityService.GetMineAsync"] = OwnUnit("the caller's own profile", async w => Hidden(await w.App.As<AuthorityService>(w.OtherCity).GetMineAsync())),
        ["AuthorityService.SaveContactAsync"] = OwnUnit("writes the caller's own profile"),
        ["AuthorityService.GetAsync"] = Refused(w => EachRefusedAsync(w.OutsideAuthorities.Append(w.OtherInstitution), a => w.App.As<AuthorityService>(a).GetAsync(w.CountyAuthorityId))),
        ["AuthorityService.SubordinatesAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, async a => Hidden(await w.App.As<AuthorityService>(a).SubordinatesAsync(new AuthoritySearchFilter(), All)))),
        ["AuthorityService.ExportSubordinatesAsync"] = Filtered(w => EachAsync(w.OutsideAuthorities, a => HiddenInExportAsync(s => w.App.As<AuthorityService>(a).ExportSubordinatesAsync(new AuthoritySearchFilter(), s, null)))),
    };

    /// <summary>"Type.Method" of every public method of the Domain's services for signed-in callers.</summary>
    private static IReadOnlyList<MethodInfo> ServiceMethods() =>
        typeof(Scope).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsPublic: true, IsAbstract: false } && !t.IsAssignableTo(typeof(IDbContextFactory<Domain.Data.AppDbContext>))
                        && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(ICurrentUser))))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName)
            .ToList();

    private static string KeyOf(MethodInfo m) => $"{m.DeclaringType!.Name}.{m.Name}";

    public static IEnumerable<object[]> Probed => Rules.Where(r => r.Value.Probe is not null).Select(r => new object[] { r.Key });

    [Fact]
    public void Every_service_method_says_how_it_keeps_to_the_callers_scope()
    {
        var methods = ServiceMethods();
        var keys = methods.Select(KeyOf).ToHashSet();
        Assert.True(keys.Count > 60, $"Only {keys.Count} service methods found: the enumeration is broken.");
        var missing = keys.Except(Rules.Keys).Order().ToList();
        Assert.True(missing.Count == 0, "No scope rule for: " + string.Join(", ", missing) + ". Add each to ScopeCoverageTests.Rules with a probe.");
        Assert.Empty(Rules.Keys.Except(keys));
    }

    [Fact]
    public void Own_unit_methods_take_no_record_id()
    {
        // Without an id a method can only reach what the caller's own unit (or account) is: nothing of another's.
        foreach (var method in ServiceMethods().Where(m => Rules.GetValueOrDefault(KeyOf(m))?.How == "own unit"))
        {
            var ids = method.GetParameters().Where(p => p.ParameterType == typeof(int) || p.ParameterType == typeof(long) || p.ParameterType == typeof(int?)
                                                        || typeof(IEnumerable<int>).IsAssignableFrom(p.ParameterType));
            Assert.True(!ids.Any(), $"{KeyOf(method)} takes an id ({string.Join(", ", ids.Select(p => p.Name))}): it needs a probe that an outside caller is refused.");
        }
    }

    [Theory]
    [MemberData(nameof(Probed))]
    public Task Each_method_refuses_or_filters_for_an_out_of_scope_caller(string method) => Rules[method].Probe!(world);

    private static async Task RefusedAsync(Func<Task> call) => await Assert.ThrowsAsync<ScopeException>(call);

    /// <summary>The 站内消息 the inside institution received when its plan was approved.</summary>
    private static async Task<int> InsideMessageIdAsync(ScopeWorld w)
    {
        await using var db = w.App.Db();
        return await db.Messages.Where(m => m.RecipientUnitId == w.Institution.UnitId && m.Title.Contains(ScopeWorld.PlanName)).Select(m => m.Id).SingleAsync();
    }

    /// <summary>Every caller of the world that holds no system role: units of each kind, a person, a unit login.</summary>
    private static IEnumerable<Actor> NotSystem(ScopeWorld w) => [.. w.OutsideAuthorities, w.Institution, w.OtherInstitution, w.OtherEmployer, w.OtherPerson, w.OtherUnitLogin];

    /// <summary>Each caller is refused.</summary>
    private static async Task EachRefusedAsync(IEnumerable<Actor> callers, Func<Actor, Task> call)
    {
        foreach (var caller in callers) await RefusedAsync(() => call(caller));
    }

    /// <summary>Runs <paramref name="probe"/> (which asserts) for each caller.</summary>
    private static async Task EachAsync(IEnumerable<Actor> callers, Func<Actor, Task> probe)
    {
        foreach (var caller in callers) await probe(caller);
    }

    private static void Hidden(object? result)
    {
        var text = ScopeWorld.Describe(result);
        foreach (var marker in ScopeWorld.Markers) Assert.DoesNotContain(marker, text);
    }

    private static async Task HiddenInExportAsync(Func<Stream, Task> export)
    {
        using var xlsx = new MemoryStream();
        await export(xlsx);
        var text = ScopeWorld.Describe(xlsx);
        Assert.Contains("<", text);
        foreach (var marker in ScopeWorld.Markers) Assert.DoesNotContain(marker, text);
    }
}
