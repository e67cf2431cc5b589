using CeAdmin.Domain.Data;
using CeAdmin.Domain.Data.Interceptors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CeAdmin.Tests.Common;

/// <summary>EF commands slower than Database:SlowQueryMilliseconds reach the app's logging with their SQL; faster ones do not.</summary>
public sealed class SlowQueryLogTests
{
    [Fact]
    public async Task A_query_slower_than_the_setting_is_logged_with_its_sql_and_a_fast_one_is_not()
    {
        var collector = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        var options = new AppDbContextOptions(new DatabaseOptions { ConnectionString = "Data Source=:memory:", SlowQueryMilliseconds = 20 }, loggers: loggers);

        await using var db = options.Create();
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("""SELECT 1 AS "Value" """).SingleAsync());
        Assert.DoesNotContain(collector.GetSnapshot(), r => r.Category == typeof(SlowQueryInterceptor).FullName);

        // A few million steps of a recursive count: well over 20 ms on any machine.
        const string slow = """WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 3000000) SELECT COUNT(*) AS "Value" FROM n""";
        Assert.Equal(3_000_000, await db.Database.SqlQueryRaw<int>(slow).SingleAsync());
        var logged = collector.GetSnapshot().First(r => r.Category == typeof(SlowQueryInterceptor).FullName);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.Contains("WITH RECURSIVE n(x)", logged.Message);
        Assert.Matches(@"Slow query: \d+ ms", logged.Message);
    }
}
