using CeAdmin.App.Features.Administration;
using CeAdmin.Demo;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.Statistics;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CeAdmin.Tests.Records.ImportRows;

namespace CeAdmin.Tests.Statistics;

/// <summary>
/// The statistics summary is kept in the transaction of every write (import, roster, record edits and deletes, hours
/// rules) and always equals a full recount: the stored tables against a rebuild, and 统计分析 against the numbers
/// counted from the records themselves.
/// </summary>
public sealed class StatisticsSummaryTests() : IntegrationTest(demo: true)
{
    private static readonly StatisticsQuery[] Questions =
    [
        new("440000"), new("440000", Year: 2025), new("440000", SeriesId: 1), new("440100"), new("440100", Year: 2025), new("440106", SeriesId: 1),
    ];

    private async Task AssertSummaryEqualsRecountAsync(string after)
    {
        await using (var db = App.Db())
        {
            var difference = await StatisticsSummary.CheckAsync(db, repair: false);
            Assert.True(difference.None, $"after {after}: {difference}");
        }
        var service = App.As<StatisticsService>(await App.DemoActorAsync("hrss_reviewer"));
        foreach (var question in Questions)
        {
            var report = StatViews.Of(await service.GetAsync(question));
            await using var db = App.Db();
            var recount = await StatisticsRecount.CountAsync(db, question);
            Assert.True(recount.Total.Records > 0, $"the recount of {question} has records");
            Assert.Equal(recount.Total, report.Total);
            Assert.Equal(recount.ByRegion, report.ByRegion);
            Assert.Equal(recount.BySeries, report.BySeries);
            Assert.Equal(recount.ByYear, report.ByYear);
        }
    }

    [Fact]
    public async Task Summary_equals_a_full_recount_after_imports_rosters_edits_deletes_and_rule_changes()
    {
        await AssertSummaryEqualsRecountAsync("the demo data");

        // An import: several people, one of them twice in one year (two cells: 天河区 and 越秀区) so their year is split.
        var twice = Id("440106", 201);
        var import = await App.As<RecordImportService>(await App.DemoActorAsync("gz_edu")).ImportAsync(Workbook(
        [
            Row(twice, hours: 18d),
            Row(twice, region: "440104", course: "专业技术人员职业道德与诚信建设", subject: "公需科目", start: "2025-06-10", end: "2025-06-12", hours: 15d),
            Row(Id("440105", 202), region: "440105", hours: 12d),
            Row(Id("440106", 203), start: "2024-06-01", end: "2024-06-03", year: 2024d),
        ]));
        Assert.True(import.Imported == 4, string.Join("; ", import.Problems.Select(p => $"{p.Row} {p.Column} {p.Reason}")));
        await AssertSummaryEqualsRecountAsync("an import");

        // A roster of an ended class: 合格 and 不合格 people.
        var roster = App.As<RosterService>(await App.DemoActorAsync("gz_train"));
        var awaiting = (await roster.EndedClassesAsync()).First(c => c.RecordedCount == 0);
        var result = await roster.SubmitAsync(awaiting.ClassId, new RosterForm
        {
            Entries =
            [
                new() { Name = "林志明", Gender = "男", IdNumber = DemoIds.IdNumber("440104", new DateOnly(1988, 4, 9), 331), Result = "合格", RegionCode = "440104", WorkUnit = "广州城市职业学院" },
                new() { Name = "陈建国", Gender = "男", IdNumber = DemoIds.IdNumber("440103", new DateOnly(1985, 7, 20), 353), Result = "不合格", RegionCode = "440106", WorkUnit = "华南师范大学" },
            ],
        });
        Assert.Equal((1, 1), (result.Created, result.NotPassed));
        await AssertSummaryEqualsRecountAsync("a roster");

        // Edits that move a record between cells, change its hours and its result; a delete.
        await using (var db = App.Db())
        {
            var records = await db.CeRecords.Where(r => r.IdNumber == twice).OrderBy(r => r.Id).ToListAsync();
            records[0].RegionCode = "440105";
            records[0].Hours = 12.5m;
            records[1].Result = RecordValues.Failed;
            var other = await db.CeRecords.OrderBy(r => r.Id).FirstAsync(r => r.SeriesId == 1 && r.Year == 2025 && r.Result == RecordValues.Passed && r.IdNumber != twice);
            other.Year = 2024;
            other.SubjectType = RecordValues.Elective;
            db.CeRecords.Remove(await db.CeRecords.OrderByDescending(r => r.Id).FirstAsync(r => r.SeriesId == 1 && r.Result == RecordValues.Passed && r.IdNumber != twice));
            await db.SaveChangesAsync();
        }
        await AssertSummaryEqualsRecountAsync("record edits and a delete");

        // A stricter rule changes who met it, in its year and the later years that follow it.
        await using (var db = App.Db())
        {
            var rule = await db.HoursRules.OrderByDescending(r => r.Year).FirstAsync(r => r.Year <= 2025);
            rule.AnnualRequired = 40;
            rule.PublicRequired = 10;
            await db.SaveChangesAsync();
        }
        await AssertSummaryEqualsRecountAsync("an hours rule change");
    }

    [Fact]
    public async Task A_failed_save_leaves_the_summary_as_it_was()
    {
        await using (var db = App.Db())
        {
            // The same person, course and dates again breaks the unique index: the save and its summary roll back.
            var copy = await db.CeRecords.AsNoTracking().OrderBy(r => r.Id).FirstAsync();
            copy.Id = 0;
            db.CeRecords.Add(copy);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
        await AssertSummaryEqualsRecountAsync("a failed save");
    }

    [Fact]
    public async Task The_rebuild_check_finds_a_wrong_summary_and_the_rebuild_repairs_it()
    {
        await using (var db = App.Db())
        {
            var cell = await db.Set<StatCell>().OrderBy(c => c.Year).ThenBy(c => c.RegionCode).FirstAsync(c => c.Records > 0);
            cell.Records += 5;
            cell.MetAnnual += 1;
            var person = await db.Set<PersonYear>().OrderBy(p => p.IdNumber).FirstAsync();
            db.Set<PersonYear>().Remove(person);
            await db.SaveChangesAsync();
        }
        await using (var db = App.Db())
        {
            var found = await StatisticsSummary.CheckAsync(db, repair: false);
            Assert.Equal((1, 1, 0, 1), (found.CellsOnlyStored, found.CellsOnlyRecounted, found.PeopleOnlyStored, found.PeopleOnlyRecounted));
        }
        // The command line: --check only compares (exit code 1, nothing changed), without it the summary is rebuilt.
        string[] Command(params string[] args) =>
            [AdminCommand.Verb, "rebuild-statistics", .. args, $"--Database:Provider={App.Database.Provider}",
             $"--Database:ConnectionString={App.Database.ConnectionString}", "--Logging:LogLevel:Default=Warning"];
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(1, await AdminCommand.RunAsync(Command("--check"), TextReader.Null, output, error));
        Assert.Equal(1, await AdminCommand.RunAsync(Command("--check"), TextReader.Null, output, error));
        Assert.Contains("不一致", output.ToString());
        Assert.True(await AdminCommand.RunAsync(Command(), TextReader.Null, output, error) == 0, error.ToString());
        Assert.Equal(0, await AdminCommand.RunAsync(Command("--check"), TextReader.Null, output, error));
        await AssertSummaryEqualsRecountAsync("the rebuild");
    }
}
