using CeAdmin.Domain.Audit;
using CeAdmin.App.Shared;
using CeAdmin.Domain.Common;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Audit;

/// <summary>
/// 审计日志 for the 安全审计员 only: each filter (time range, account, unit, event, result, target) selects
/// exactly its rows, the keyset pages (next, previous, last, a jump) agree with one another, and the
/// export streams the filtered rows; the administrator and every unit are refused.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditQueryTests : IAsyncLifetime
{
    private static readonly Actor Auditor = new("auditor", "sec_auditor", 0, "", IsSecurityAuditor: true);
    private TestApp _app = null!;
    private DateTime _middle;
    private long _first;

    public async Task InitializeAsync()
    {
        _app = await TestApp.CreateAsync();
        _first = await _app.LastIdAsync() + 1;
        var log = _app.Get<AuditLog>();
        for (var i = 0; i < 30; i++)
        {
            var who = AuditActor.Unauthenticated(i % 3 == 0 ? "alice" : "bob", null, "个人账号", "10.0.0.1");
            var record = new AuditRecord(i % 2 == 0 ? AuditEvent.SignIn : AuditEvent.SignOut, i % 5 == 0 ? "CeRecord#7" : $"target_{i}");
            await log.RecordAsync(i % 4 == 0 ? record.Refused("密码错误") : record, who with { UnitName = i < 10 ? "广州市教育局" : "" });
            _app.Clock.Advance(TimeSpan.FromMinutes(1));
            if (i == 14)
            {
                _middle = _app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-30);
            }
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<AuditRow>> AllAsync(AuditFilter filter)
    {
        var service = _app.As<AuditService>(Auditor);
        var page = await service.QueryAsync(filter, new AuditPageRequest(new PageSeek.First(), 200, IncludeTotal: true));
        Assert.Equal(page.Total, page.Items.Count);
        return page.Items.Where(r => r.Id >= _first).ToList();
    }

    [Fact]
    public async Task Each_filter_selects_exactly_its_rows()
    {
        Assert.Equal(10, (await AllAsync(new AuditFilter(UserName: "alice"))).Count);
        Assert.All(await AllAsync(new AuditFilter(UserName: "alice")), r => Assert.Equal("alice", r.UserName));
        Assert.Equal(10, (await AllAsync(new AuditFilter(UnitName: "广州市教育局"))).Count);
        Assert.Equal(15, (await AllAsync(new AuditFilter(Event: AuditEvent.SignIn))).Count);
        Assert.Equal(8, (await AllAsync(new AuditFilter(Result: AuditResult.Refused))).Count);
        Assert.Equal(6, (await AllAsync(new AuditFilter(Target: "CeRecord#7"))).Count);
        Assert.Equal(["bob"], (await AllAsync(new AuditFilter(UserName: "bob", Event: AuditEvent.SignIn, Result: AuditResult.Refused))).Select(r => r.UserName).Distinct());

        // A time range is an id range: the rows before the middle, and those after it.
        var before = await AllAsync(new AuditFilter(ToUtc: _middle));
        var after = await AllAsync(new AuditFilter(FromUtc: _middle));
        Assert.Equal((15, 15), (before.Count, after.Count));
        Assert.True(before.Max(r => r.Id) < after.Min(r => r.Id));
        Assert.Empty(await AllAsync(new AuditFilter(FromUtc: _app.Clock.GetUtcNow().UtcDateTime.AddDays(1))));
        Assert.Empty(await AllAsync(new AuditFilter(ToUtc: _app.Clock.GetUtcNow().UtcDateTime.AddYears(-1))));
    }

    [Fact]
    public async Task Keyset_pages_agree_with_a_plain_listing()
    {
        var service = _app.As<AuditService>(Auditor);
        var filter = new AuditFilter(UserName: "bob");
        var expected = (await AllAsync(filter)).Select(r => r.Id).ToList();
        Assert.Equal(expected.OrderDescending(), expected);

        var pager = new KeysetPager();
        var pages = new List<List<long>>();
        for (var p = 0; p < 4; p++)
        {
            var seek = pager.SeekFor(filter, p, 6);
            var page = await service.QueryAsync(filter, new AuditPageRequest(seek, 6, pager.Total is null));
            pager.Remember(p, page.Items.Select(r => r.Id).ToList(), page.Total);
            pages.Add(page.Items.Select(r => r.Id).ToList());
        }
        Assert.Equal(expected.Take(24), pages.SelectMany(p => p));
        // Back from page 3 to 2 ("previous"), the last page, and a jump.
        Assert.Equal(pages[2], (await service.QueryAsync(filter, new AuditPageRequest(new PageSeek.Before(pages[3][0]), 6))).Items.Select(r => r.Id));
        var lastCount = expected.Count - 18;
        Assert.Equal(expected.Skip(18), (await service.QueryAsync(filter, new AuditPageRequest(new PageSeek.Last(lastCount), 6))).Items.Select(r => r.Id));
        Assert.Equal(expected.Skip(6).Take(6), (await service.QueryAsync(filter, new AuditPageRequest(new PageSeek.Offset(6), 6))).Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Only_the_auditor_reads_exports_and_verifies_the_log()
    {
        using var file = new MemoryStream();
        await _app.As<AuditService>(Auditor).ExportAsync(new AuditFilter(UserName: "alice"), file, null);
        file.Position = 0;
        var sheet = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(10, sheet.Count);
        Assert.All(sheet, r => Assert.Equal("alice", r["账号"]));
        Assert.Contains(sheet, r => (string?)r["结果"] == "拒绝" && (string?)r["原因"] == "密码错误");

        var others = new Actor?[]
        {
            null,
            new("admin", "sys_admin", 0, "", IsSystemAdministrator: true),
            new("person", "someone", 0, ""),
            new("op", "gz_edu", 3, "广州市教育局", Domain.Organizations.UnitKind.Authority),
            new("hrss", "hrss_reviewer", 1, "广东省人力资源和社会保障厅", Domain.Organizations.UnitKind.Hrss),
        };
        foreach (var other in others)
        {
            var service = _app.As<AuditService>(other);
            await Assert.ThrowsAnyAsync<DomainException>(() => service.QueryAsync(new AuditFilter(), new AuditPageRequest(new PageSeek.First())));
            await Assert.ThrowsAnyAsync<DomainException>(() => service.ExportAsync(new AuditFilter(), Stream.Null, null));
            await Assert.ThrowsAnyAsync<DomainException>(() => service.VerifyAsync());
            await Assert.ThrowsAnyAsync<DomainException>(() => service.LatestVerificationAsync());
        }

        var verification = await _app.As<AuditService>(Auditor).VerifyAsync();
        Assert.True(verification.Intact);
        var latest = await _app.As<AuditService>(Auditor).LatestVerificationAsync();
        Assert.Equal((true, "sec_auditor", verification.Checked), (latest!.Intact, latest.By, latest.Checked));
    }
}
