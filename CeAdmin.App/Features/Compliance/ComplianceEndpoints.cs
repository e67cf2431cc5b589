using CeAdmin.Domain.Compliance;
using CeAdmin.Domain.Common;

namespace CeAdmin.App.Features.Compliance;

public static class ComplianceEndpoints
{
    /// <summary>The 学时证明 PDF download (a circuit cannot send a file): the service checks the caller's scope.</summary>
    public static void MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/compliance/certificates/{id:long}/pdf", async (long id, HttpContext http, CertificateService certificates, CancellationToken ct) =>
        {
            try
            {
                var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/";
                var pdf = await certificates.PdfAsync(id, baseUrl, ct);
                return Results.File(pdf, "application/pdf", $"学时证明-{id}.pdf");
            }
            catch (DomainException ex)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization(Security.PowerPolicies.Supervise);
    }

    /// <summary>Binds the "Certificates" settings (the CJK font's path and face) for the PDF.</summary>
    public static void AddComplianceSettings(this IServiceCollection services, IConfiguration config) =>
        services.Configure<CertificateOptions>(config.GetSection("Certificates"));
}
