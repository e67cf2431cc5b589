using System.Net.Mime;
using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace CeAdmin.App.Features.Attachments;

/// <summary>
/// 下载 and 预览 over HTTP (a file cannot travel over the circuit). Both go through
/// <see cref="AttachmentService"/>, so the owner's visibility rule holds for a guessed id too.
/// </summary>
public static class AttachmentEndpoints
{
    public static string DownloadUrl(int id) => $"attachments/{id}/download";

    public static string PreviewUrl(int id) => $"attachments/{id}/preview";

    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/attachments").RequireAuthorization();
        group.MapGet("/{id:int}/download", (int id, HttpContext http, AttachmentService service, CancellationToken ct) => SendAsync(id, false, http, service, ct));
        group.MapGet("/{id:int}/preview", (int id, HttpContext http, AttachmentService service, CancellationToken ct) => SendAsync(id, true, http, service, ct));
    }

    private static async Task<IResult> SendAsync(int id, bool preview, HttpContext http, AttachmentService service, CancellationToken ct)
    {
        AttachmentFile file;
        try
        {
            file = await service.DownloadAsync(id, preview, ct);
        }
        catch (ScopeException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (DomainException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound);
        }

        // The type was checked from the content at upload; never let the browser guess another one.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var inline = preview && file.CanPreview;
        var disposition = new ContentDispositionHeaderValue(inline ? DispositionTypeNames.Inline : DispositionTypeNames.Attachment);
        disposition.SetHttpFileName(file.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.File(file.Data, file.ContentType);
    }
}
