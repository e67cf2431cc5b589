using System.Security.Claims;

namespace CeAdmin.App.Features.Exports;

public static class ExportEndpoints
{
    public static string DownloadPath(string token) => "/exports/" + token;

    /// <summary>
    /// The one-time download of a finished export: only the user who made it, once; the file is
    /// deleted when the response is done (FileOptions.DeleteOnClose).
    /// </summary>
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/exports/{token}", (string token, ClaimsPrincipal user, ExportFileStore store) =>
        {
            var file = store.Take(token, user.FindFirstValue(ClaimTypes.NameIdentifier));
            if (file is null) return Results.Text("下载链接已失效：导出文件只能由导出人下载一次，过期即删除。请重新导出。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            return Results.File(stream, ExportFileStore.ContentType, file.FileName);
        }).RequireAuthorization();
    }
}
