using CeAdmin.App.Features.Attachments;
using CeAdmin.App.Features.Compliance;
using CeAdmin.App.Features.Exports;
using CeAdmin.App.Features.Operations;
using CeAdmin.App.Features.Records;

namespace CeAdmin.App;

/// <summary>HTTP endpoints of the features (downloads, exports); each feature adds its own map call here.</summary>
public static class FeatureEndpoints
{
    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAttachmentEndpoints();
        app.MapExportEndpoints();
        app.MapRecordEndpoints();
        app.MapComplianceEndpoints();
        app.MapOperationsEndpoints();
    }
}
