using CeAdmin.App.Features.Exports;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Exports;

/// <summary>
/// Export files under several instances: written by one, downloaded from another that shares only the
/// database, once, by their owner; expired ones swept by any instance.
/// </summary>
public sealed class ExportFileStoreTests : IntegrationTest
{
    private static readonly Actor Owner = new("user-1", "gz_edu", 3, "广州市教育局", UnitKind.Authority);
    private readonly string _dirA = Path.Combine(Path.GetTempPath(), "ceadmin-export-a-" + Guid.NewGuid().ToString("N"));
    private readonly string _dirB = Path.Combine(Path.GetTempPath(), "ceadmin-export-b-" + Guid.NewGuid().ToString("N"));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var dir in new[] { _dirA, _dirB })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    private static async Task<string> ExportAsync(ExportFileStore store, byte[] content)
    {
        await using var pending = store.Begin(Owner, "继续教育记录_20260302100000.xlsx");
        await pending.Stream.WriteAsync(content);
        var url = await pending.CompleteAsync();
        return url["/exports/".Length..];
    }

    [Fact]
    public async Task A_file_written_on_one_instance_is_downloaded_once_from_another_in_all_its_chunks()
    {
        var a = ExportTestStores.Instance(App, new ExportOptions { Directory = _dirA });
        var b = ExportTestStores.Instance(App, new ExportOptions { Directory = _dirB });
        var content = new byte[(int)(2.5 * ExportFileStore.ChunkBytes)];
        Random.Shared.NextBytes(content);

        var token = await ExportAsync(a, content);
        Assert.Empty(Directory.GetFiles(_dirA));

        var file = await b.TakeAsync(token, Owner.UserId);
        Assert.NotNull(file);
        Assert.Equal((content.Length, 3), ((int)file.Size, file.Chunks));
        using var downloaded = new MemoryStream();
        await b.CopyToAsync(file, downloaded, CancellationToken.None);
        Assert.Equal(content, downloaded.ToArray());

        Assert.Null(await a.TakeAsync(token, Owner.UserId));
        Assert.Null(await b.TakeAsync(token, Owner.UserId));
        await using var db = App.Db();
        Assert.Equal((0, 0), (await db.ExportFiles.CountAsync(), await db.ExportFileChunks.CountAsync()));
    }

    [Fact]
    public async Task Two_instances_asked_for_the_same_link_at_once_serve_it_only_once()
    {
        var a = ExportTestStores.Instance(App, new ExportOptions { Directory = _dirA });
        var b = ExportTestStores.Instance(App, new ExportOptions { Directory = _dirB });
        var token = await ExportAsync(a, "xlsx"u8.ToArray());

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b).TakeAsync(token, Owner.UserId)));

        Assert.Single(claims, c => c is not null);
    }

    [Fact]
    public async Task An_unfetched_file_expires_and_any_instance_sweeps_it()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var a = ExportTestStores.Instance(App, new ExportOptions { Directory = _dirA }, clock: clock);
        var b = ExportTestStores.Instance(App, new ExportOptions { Directory = _dirB }, clock: clock);
        var token = await ExportAsync(a, new byte[ExportFileStore.ChunkBytes + 1]);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await b.SweepAsync());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await b.TakeAsync(token, Owner.UserId));
        Assert.Equal(1, await b.SweepAsync());

        await using var db = App.Db();
        Assert.Equal((0, 0), (await db.ExportFiles.CountAsync(), await db.ExportFileChunks.CountAsync()));
    }
}
