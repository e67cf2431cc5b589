using CeAdmin.App.Features.Attachments;

namespace CeAdmin.App;

/// <summary>HTTP endpoints of the features (downloads, exports); each feature adds its own map call here.</summary>
public static class FeatureEndpoints
{
    public static void MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAttachmentEndpoints();
    }
}
