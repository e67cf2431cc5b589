using CeAdmin.Domain.Records;
using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CeAdmin.Tests.Records;

/// <summary>1.7.1 through the real UI: query with filters, open a record, export the whole filtered result and read the download.</summary>
public sealed class RecordsBrowserTests(BrowserFixture browser) : BrowserTest
{
    private static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.ClickAsync(select);
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task Query_open_a_record_and_export_the_filtered_result()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        await Ui.MenuAsync(page, "继续教育记录查询");
        await page.WaitForURLAsync(u => u.EndsWith("/records"));
        var rows = page.Locator("#records-grid tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("#records-total")).ToContainTextAsync("共");
        await BrowserFixture.ScreenshotAsync(page, "1.7.1-01-list");

        // Filters: 年度 2025 and 天河区 (the city is fixed to the authority's own).
        await ChooseAsync(page, "#filter-year", "2025");
        await ChooseAsync(page, "#region-county", "天河区");
        await page.ClickAsync("#records-search");
        await Assertions.Expect(rows.First).ToContainTextAsync("广州市天河区");
        var total = int.Parse((await page.Locator("#records-total").InnerTextAsync()).Replace("共", "").Replace("条", "").Replace(",", "").Trim());
        Assert.True(total > 20, "the filtered result spans more than one page");
        foreach (var text in await rows.AllInnerTextsAsync())
        {
            Assert.Contains("2025", text);
            Assert.Contains("广州市天河区", text);
            Assert.Matches(@"\d{4}\*{10}\d{3}[\dX]", text);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).Or(page.Locator("button[aria-label='下一页']")).First.ClickAsync();
        await Assertions.Expect(page.Locator("#records-grid tbody tr td").First).ToHaveTextAsync("21");
        await BrowserFixture.ScreenshotAsync(page, "1.7.1-02-filtered");

        // 查看: the detail shows every field of the manual's screen and the full ID number.
        var name = await rows.First.Locator("td").Nth(1).InnerTextAsync();
        await rows.First.Locator("a.view-record").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/records/"));
        var basic = page.Locator("#record-basic");
        await Assertions.Expect(basic).ToContainTextAsync(name);
        foreach (var label in new[] { "姓名", "性别", "公民身份号码", "工作单位", "所属地区", "主管部门", "课程名称", "科目类型", "学习形式", "学习开始时间", "学习结束时间", "参训天数", "考核结果", "拟申报学时", "施教机构名称", "申报年度", "学习地点", "学习内容", "备注" })
            await Assertions.Expect(basic.Locator(".info-label", new() { HasTextString = label }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#detail-id-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{17}[\dX]$"));
        await BrowserFixture.ScreenshotAsync(page, "1.7.1-03-detail");

        // 导出Excel: the whole filtered result, not the page, read back from the browser's download.
        await page.GoBackAsync();
        await BrowserFixture.WaitInteractiveAsync(page);
        await ChooseAsync(page, "#filter-year", "2025");
        await ChooseAsync(page, "#region-county", "天河区");
        await page.ClickAsync("#records-search");
        await Assertions.Expect(page.Locator("#records-total")).ToContainTextAsync(total.ToString("N0"));
        var headers = (await page.Locator("#records-grid thead th").AllInnerTextsAsync()).Select(h => h.Trim()).Where(h => h is not ("序号" or "操作")).ToList();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button.export-button").ClickAsync());
        Assert.StartsWith("继续教育记录_", download.SuggestedFilename);
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var sheet = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(total, sheet.Count);
            Assert.Equal(headers, sheet[0].Keys.Take(headers.Count));
            Assert.Equal(["姓名", "公民身份号码", "专业课名称", "专业系列", "年度", "所属地区", "行业部门(行业组织)"], headers);
            Assert.Equal(["施教机构名称", "拟申报学时", "考核结果"], sheet[0].Keys.Skip(headers.Count));
            Assert.All(sheet, r => Assert.Equal("广州市天河区", r["所属地区"]));
            Assert.All(sheet, r => Assert.Equal(2025d, r["年度"]));
            Assert.All(sheet, r => Assert.Matches(@"^\d{4}\*{10}\d{3}[\dX]$", (string?)r["公民身份号码"]));
        }
        finally
        {
            File.Delete(path);
        }
        await Assertions.Expect(page.GetByText("导出完成")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.7.1-04-exported");

        // The download link worked once, for its owner: a second fetch is refused.
        var again = await page.APIRequest.GetAsync(download.Url);
        Assert.Equal(404, again.Status);
    }

    [Fact]
    public async Task Another_regions_record_opened_by_its_url_is_refused()
    {
        // The province sees a Shenzhen record …
        var page = await browser.SignedInPageAsync("gd_edu", "广东省教育厅");
        await browser.GotoAsync(page, "/records");
        await ChooseAsync(page, "#region-city", "深圳市");
        await page.ClickAsync("#records-search");
        var first = page.Locator("#records-grid tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("深圳市", new() { Timeout = 15_000 });
        var href = await first.Locator("a.view-record").GetAttributeAsync("href");

        // … which the Tianhe county authority cannot open by typing its URL.
        var county = await browser.SignedInPageAsync("th_edu", "广州市天河区教育局");
        await browser.GotoAsync(county, "/" + href);
        await Assertions.Expect(county.Locator("#record-error")).ToContainTextAsync("无权访问该数据", new() { Timeout = 15_000 });
        await Assertions.Expect(county.Locator("#record-basic")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(county, "1.7.1-05-out-of-scope");
    }
}
