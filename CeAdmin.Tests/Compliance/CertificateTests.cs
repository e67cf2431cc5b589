using CeAdmin.Domain.Common;
using CeAdmin.Domain.Compliance;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CeAdmin.Tests.Compliance.CompliancePeople;

namespace CeAdmin.Tests.Compliance;

/// <summary>学时证明: issued in scope, printed as a PDF with the CJK font, verified publicly, invalid once a record behind it changes.</summary>
public sealed class CertificateTests() : IntegrationTest(demo: true)
{
    private async Task<long> PersonAsync(string name, int seq)
    {
        await using var db = App.Db();
        var records = Person(name, Id("440106", seq), "440106", 1, 2023, 30, 50, 10);
        await AddAsync(db, records);
        return records[^1].Id;
    }

    [Fact]
    public async Task A_certificate_is_valid_until_a_record_behind_it_changes()
    {
        var recordId = await PersonAsync("证明甲", 921);
        var gz = await App.DemoActorAsync("gz_edu");
        var issued = await App.As<CertificateService>(gz).IssueAsync(recordId);
        Assert.True(issued.Token.Length >= 43, "256 random bits, base64url");

        var check = await App.As<CertificateService>(gz).VerifyAsync(issued.Token, "203.0.113.9");
        Assert.Equal("有效", check.Outcome);
        Assert.Equal(("证明甲", 90m, true), (check.PersonName, check.TotalHours, check.Met));
        Assert.Contains("*", check.MaskedIdNumber);
        Assert.DoesNotContain(Id("440106", 921), CeAdmin.Tests.Organizations.ScopeWorld.Describe(check));

        await using (var db = App.Db())
        {
            var record = await db.CeRecords.FirstAsync(r => r.Id == recordId);
            record.Hours += 2;
            await db.SaveChangesAsync();
        }
        Assert.Equal("已失效", (await App.As<CertificateService>(gz).VerifyAsync(issued.Token, "203.0.113.9")).Outcome);
        Assert.Equal("不存在", (await App.As<CertificateService>(gz).VerifyAsync("guessed-token", "203.0.113.9")).Outcome);

        await using var check2 = App.Db();
        var outcomes = await check2.CertificateVerifications.OrderBy(v => v.Id).Select(v => v.Outcome).ToListAsync();
        Assert.Equal(["有效", "已失效", "不存在"], outcomes);
        // Every verification is in the audit trail (the insert of its row).
        Assert.Equal(3, await check2.AuditEntries.CountAsync(a => a.Entity == nameof(CertificateVerification) && a.Action == "Added"));
    }

    [Fact]
    public async Task A_deleted_record_also_invalidates_it()
    {
        var recordId = await PersonAsync("证明乙", 922);
        var gz = await App.DemoActorAsync("gz_edu");
        var issued = await App.As<CertificateService>(gz).IssueAsync(recordId);
        await using (var db = App.Db())
        {
            await db.CeRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync();
        }
        Assert.Equal("已失效", (await App.As<CertificateService>(gz).VerifyAsync(issued.Token, null)).Outcome);
    }

    [Fact]
    public async Task The_pdf_embeds_the_cjk_font_and_is_refused_outside_the_scope()
    {
        var recordId = await PersonAsync("证明丙", 923);
        var gz = await App.DemoActorAsync("gz_edu");
        var issued = await App.As<CertificateService>(gz).IssueAsync(recordId);
        var pdf = await App.As<CertificateService>(gz).PdfAsync(issued.Id, "http://example.test/");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/FontFile", text);
        Assert.Contains("/FontName /", text.Replace("/FontName/", "/FontName /"));
        Assert.True(pdf.Length > 100_000, "the font is embedded, not referenced");

        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<CertificateService>(await App.DemoActorAsync("fs_edu")).PdfAsync(issued.Id, "http://example.test/"));
        await Assert.ThrowsAsync<ScopeException>(async () => await App.As<CertificateService>(await App.DemoActorAsync("fs_edu")).IssueAsync(recordId));
    }
}
