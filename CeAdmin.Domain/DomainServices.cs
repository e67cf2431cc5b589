using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Audit;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Inbox;
using CeAdmin.Domain.Teachers;
using CeAdmin.Domain.Organizations;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Statistics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CeAdmin.Domain;

/// <summary>
/// The domain's services, registered the same way by the app and by the integration tests.
/// The caller adds an ICurrentUser (the app reads the sign-in; tests fix an actor).
/// </summary>
public static class DomainServices
{
    public static IServiceCollection AddCeAdminDomain(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddSingleton(database);
        services.AddMetrics();
        services.AddSingleton<Operations.AppMetrics>();
        services.AddSingleton<AppDbContextOptions>();
        services.AddScoped<IDbContextFactory<AppDbContext>, AppDbContextFactory>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IPasswordHasher<AppUser>, PasswordHasher<AppUser>>();
        services.TryAddScoped<ILookupNormalizer, UpperInvariantLookupNormalizer>();
        services.AddScoped<DatabaseInitializer>();

        services.TryAddSingleton<IRealNameVerifier, LocalRealNameVerifier>();
        services.AddAccountSecurity();
        services.AddScoped<PersonalAccountService>();
        services.AddScoped<UnitAccountService>();
        services.AddScoped<SignInDirectory>();
        services.AddScoped<SessionService>();
        // The audit trail, system administration and run-time settings (Audit/AuditServices.cs).
        services.AddCeAdminAudit();
        services.AddScoped<ReferenceData.HoursRuleService>();
        services.AddScoped<Catalogs.CatalogService>();
        services.AddScoped<Catalogs.PublishedCourses>();
        services.AddSingleton<IAttachmentOwner, Catalogs.CatalogAttachmentOwner>();
        services.AddScoped<Institutions.InstitutionService>();
        services.AddSingleton<IReviewSubjectHandler, Institutions.QualificationReviewHandler>();
        services.AddSingleton<IAttachmentOwner, Institutions.QualificationAttachmentOwner>();
        services.AddScoped<TeacherService>();
        services.AddScoped<ITeacherUsage, Plans.ClassTeacherUsage>();
        services.AddScoped<Plans.PlanService>();
        services.AddScoped<Plans.ClassService>();
        services.AddScoped<Plans.PlanQueryService>();

        // The review workflow and the attachments; each feature plugs its subjects and owners in.
        services.AddScoped<ReviewService>();
        services.AddInboxAndMessages();
        services.AddScoped<AttachmentService>();
        services.AddSingleton<IReviewSubjectHandler, AuthorityReviewHandler>();
        services.AddSingleton<IAttachmentOwner, AuthorityAttachmentOwner>();
        services.AddSingleton<IReviewSubjectHandler, Plans.PlanReviewHandler>();
        services.AddSingleton<IAttachmentOwner, Plans.PlanAttachmentOwner>();

        services.AddScoped<AuthorityApplicationService>();
        services.AddScoped<AuthorityService>();
        services.AddScoped<CeRecordService>();
        services.AddScoped<RosterService>();
        services.AddScoped<RecordImportService>();
        services.AddScoped<StatisticsService>();
        return services;
    }
}
