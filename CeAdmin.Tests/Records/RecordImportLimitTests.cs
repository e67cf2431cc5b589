using CeAdmin.Domain.Common;
using CeAdmin.Domain.Records;
using CeAdmin.Tests.Exports;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Records;

/// <summary>继续教育记录导入 refuses small files that describe huge sheets, before it spends the server's time on them.</summary>
public sealed class RecordImportLimitTests() : IntegrationTest(demo: true)
{
    private static readonly IReadOnlyList<string> Headers = RecordImportTemplate.Columns.Select(c => c.Header).ToList();

    public static TheoryData<string> Files => ["row 3,000,000 declared", "row 3,000,000 undeclared", "3,000,000 empty rows"];

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Files))]
    public async Task A_small_file_describing_millions_of_rows_is_refused_and_nothing_is_written(string kind)
    {
        using var file = kind switch
        {
            "row 3,000,000 declared" => HostileWorkbooks.OneRowFarDown(Headers, 3_000_000, declareDimension: true),
            "row 3,000,000 undeclared" => HostileWorkbooks.OneRowFarDown(Headers, 3_000_000, declareDimension: false),
            _ => HostileWorkbooks.ManyEmptyRows(Headers, 3_000_000),
        };
        var service = App.As<RecordImportService>(await App.DemoActorAsync("gz_edu"));

        var ex = await Assert.ThrowsAsync<DomainException>(() => service.ImportAsync(file));

        Assert.Equal($"工作表超过{RecordImportService.MaxRows:N0}行（表头以下的空行也计算在内），请删除多余的行，或分成多个文件导入", ex.Message);
        await using var db = App.Db();
        Assert.False(await db.CeRecords.AnyAsync(r => r.Source == RecordSource.Import && r.PersonName == "张三"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cancelled_import_stops_reading()
    {
        using var cts = new CancellationTokenSource();
        var bytes = HostileWorkbooks.ManyEmptyRows(Headers, 3_000_000).ToArray();
        // The user leaves the page once the server has begun to read the file.
        using var file = new CancelOnReadStream(bytes, cts);
        var service = App.As<RecordImportService>(await App.DemoActorAsync("gz_edu"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.ImportAsync(file, cts.Token));
    }

    private sealed class CancelOnReadStream(byte[] bytes, CancellationTokenSource cts) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            cts.Cancel();
            return base.Read(buffer, offset, count);
        }

        public override int Read(Span<byte> buffer)
        {
            cts.Cancel();
            return base.Read(buffer);
        }
    }
}
