using CeAdmin.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace CeAdmin.Tests.Statistics;

/// <summary>统计分析: the city's view drilled to a district, the HRSS department's province view, and the styled export.</summary>
public sealed class StatisticsBrowserTests(BrowserFixture browser) : BrowserTest
{
    [Fact]
    public async Task City_statistics_drill_into_a_district_and_export_every_table()
    {
        var page = await browser.SignedInPageAsync("gz_edu", "广州市教育局");
        await Ui.MenuAsync(page, "统计分析");
        await Assertions.Expect(page.Locator("#stat-summary")).ToContainTextAsync("继续教育记录");
        await Assertions.Expect(page.Locator(".stat-row", new() { HasTextString = "天河区" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#stat-breadcrumb")).ToContainTextAsync("广州市");
        await Assertions.Expect(page.Locator(".mud-chart").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.7-stat-01-city");

        await page.Locator(".stat-row button.drill-down", new() { HasTextString = "天河区" }).ClickAsync();
        await Assertions.Expect(page.Locator("#stat-breadcrumb")).ToContainTextAsync("天河区");
        await Assertions.Expect(page.Locator(".stat-row")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "1.7-stat-02-district");
        await page.Locator("#stat-breadcrumb button.drill-up", new() { HasTextString = "广州市" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stat-row", new() { HasTextString = "越秀区" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "按年度" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.7-stat-03-by-year");

        // A changed select counts again at once; the numbers shown are always those of the selects (the scope line says which).
        await Ui.SelectAsync(page, "#stat-year", "全部年度");
        await Assertions.Expect(page.Locator("#stat-breadcrumb")).ToContainTextAsync("全部年度");
        await Assertions.Expect(page.Locator("#stat-busy")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#stat-summary")).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button.export-button").ClickAsync());
        Assert.StartsWith("继续教育统计_广州市_", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        await download.SaveAsAsync(path);
        try
        {
            Assert.Equal(["按行政区划", "按专业系列", "按年度"], MiniExcel.GetSheetNames(path));
            var regions = MiniExcel.Query(path, sheetName: "按行政区划", startCell: "A2", useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(regions, r => (string?)r["行政区划"] == "天河区");
            Assert.Equal("合计", regions[^1]["行政区划"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Hrss_sees_the_province_by_city_and_every_series()
    {
        var page = await browser.SignedInPageAsync("hrss_reviewer", "广东省人力资源和社会保障厅");
        await browser.GotoAsync(page, "/statistics");
        // 年度 starts at the current year; every year holds every series of the demo data.
        await Ui.SelectAsync(page, "#stat-year", "全部年度");
        await page.ClickAsync("#stat-search");
        await Assertions.Expect(page.Locator("#stat-breadcrumb")).ToContainTextAsync("全部年度");
        // Every prefecture-level city has its row (the province's own row comes on top when it has data).
        foreach (var city in new[] { "广州市", "深圳市", "东莞市", "中山市", "云浮市" })
            await Assertions.Expect(page.Locator(".stat-row", new() { HasTextString = city }).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.7-stat-04-province");
        await page.GetByRole(AriaRole.Tab, new() { Name = "按专业系列" }).ClickAsync();
        await Assertions.Expect(page.Locator(".stat-row", new() { HasTextString = "卫生技术人员" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "1.7-stat-05-by-series");
    }
}
