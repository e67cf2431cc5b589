using CeAdmin.App.Features.Exports;
using CeAdmin.Domain.Records;

namespace CeAdmin.App.Features.Records;

public static class RecordEndpoints
{
    public const string TemplatePath = "/record-import/template";

    public static void MapRecordEndpoints(this IEndpointRouteBuilder app)
    {
        // The template is the same for every authority (a header row): an approved authority is all it needs.
        app.MapGet(TemplatePath, async (CancellationToken ct) =>
        {
            using var file = new MemoryStream();
            await RecordImportTemplate.WriteAsync(file, ct);
            return Results.File(file.ToArray(), ExportFileStore.ContentType, RecordImportTemplate.FileTitle + ".xlsx");
        }).RequireAuthorization(Security.PowerPolicies.AuthorityBusiness);
    }
}
