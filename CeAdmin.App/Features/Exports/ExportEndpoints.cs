using System.Security.Claims;

namespace CeAdmin.App.Features.Exports;

public static class ExportEndpoints
{
    public const string ExpiredMessage = "下载链接已失效：导出文件只能由导出人下载一次，过期即删除。请重新导出。";

    public static string DownloadPath(string token) => "/exports/" + token;

    /// <summary>
    /// The one-time download of a finished export: only the user who made it, once, from whichever instance
    /// the request reaches (the file is in the database); it is deleted when the response is done.
    /// </summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/{token}", async (string token, ClaimsPrincipal user, ExportFileStore store, HttpContext http, CancellationToken ct) =>
        {
            var file = await store.TakeAsync(token, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
            if (file is null) return Results.Text(ExpiredMessage, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            http.Response.ContentLength = file.Size;
            return Results.Stream(output => store.CopyToAsync(file, output, ct), ExportFileStore.ContentType, file.FileName);
        }).RequireAuthorization();
    }
}
