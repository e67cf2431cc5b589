using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Approvals;

public sealed class ReviewCasePersistenceTests : IDisposable
{
    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Applicant = new("u-applicant", "张三", 100, "广州市某施教机构");
    private static readonly Actor Reviewer1 = new("u-r1", "李四", 200, "广州市人力资源和社会保障局");
    private static readonly Actor Reviewer2 = new("u-r2", "王五", 200, "广州市人力资源和社会保障局");

    private readonly SqliteConnection _connection;

    public ReviewCasePersistenceTests()
    {
        // An in-memory database lives as long as its connection, so keep it open for the whole test.
        _connection = new SqliteConnection("DataSource=:memory:");
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Enums_are_stored_as_text()
    {
        var id = SeedSubmittedCase();

        Assert.Equal("Submitted", Scalar("""SELECT "Status" FROM "ReviewCases" WHERE "Id" = $id""", id));
        Assert.Equal("TrainingPlan", Scalar("""SELECT "Kind" FROM "ReviewCases" WHERE "Id" = $id""", id));
        Assert.Equal("Submitted", Scalar("""SELECT "ToStatus" FROM "ApprovalHistories" WHERE "ReviewCaseId" = $id""", id));
    }

    [Fact]
    public void Concurrent_decisions_on_the_same_case_fail_the_second_save()
    {
        var id = SeedSubmittedCase();

        using var first = NewContext();
        using var second = NewContext();
        var a = first.Cases.Include(c => c.History).Single(c => c.Id == id);
        var b = second.Cases.Include(c => c.History).Single(c => c.Id == id);

        a.Approve(Reviewer1, "同意", T0.AddHours(2));
        b.RejectAndClose(Reviewer2, "不同意", T0.AddHours(2));

        first.SaveChanges();
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var check = NewContext();
        var stored = check.Cases.Include(c => c.History).Single(c => c.Id == id);
        Assert.Equal(ReviewStatus.Approved, stored.Status);
        Assert.Equal(a.Version, stored.Version);
        Assert.Equal(2, stored.History.Count);
        Assert.Equal("李四", stored.History[^1].Operator);
        Assert.Equal("Approved", Scalar("""SELECT "Status" FROM "ReviewCases" WHERE "Id" = $id""", id));
    }

    [Fact]
    public void Round_trip_keeps_history_order_and_utc_times()
    {
        var id = SeedSubmittedCase();

        using (var db = NewContext())
        {
            var c = db.Cases.Include(x => x.History).Single(x => x.Id == id);
            c.RejectAndReturn(Reviewer1, "请补充师资信息", T0.AddHours(2));
            db.SaveChanges();
        }

        using (var db = NewContext())
        {
            var c = db.Cases.Include(x => x.History).Single(x => x.Id == id);
            c.Submit(Applicant, T0.AddHours(3), "专业课计划申报信息申报");
            db.SaveChanges();
        }

        using var read = NewContext();
        var stored = read.Cases.Include(x => x.History).Single(x => x.Id == id);
        Assert.Equal(ReviewStatus.Submitted, stored.Status);
        Assert.Equal([1, 2, 3], stored.History.Select(h => h.Seq));
        Assert.Equal(["提交送审", "不同意并退案", "提交送审"], stored.History.Select(h => h.Result));
        Assert.All(stored.History, h => Assert.Equal(id, h.ReviewCaseId));
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.Equal(T0, stored.CreatedAt);
        Assert.Equal(T0.AddHours(3), stored.SubmittedAt);
        Assert.Equal(DateTimeKind.Utc, stored.SubmittedAt!.Value.Kind);
        Assert.Null(stored.DecidedAt);
        Assert.Equal("请补充师资信息", stored.LastOpinion);
        Assert.Equal(T0.AddHours(2), stored.History[1].At);
        Assert.Equal(DateTimeKind.Utc, stored.History[1].At.Kind);
    }

    [Fact]
    public void Transition_without_loaded_history_is_refused()
    {
        var id = SeedSubmittedCase();

        using var db = NewContext();
        var c = db.Cases.Single(x => x.Id == id);

        Assert.Throws<InvalidOperationException>(() => c.Approve(Reviewer1, null, T0.AddHours(2)));
        Assert.Equal(ReviewStatus.Submitted, c.Status);
    }

    [Fact]
    public void One_case_per_subject()
    {
        SeedSubmittedCase();

        using var db = NewContext();
        db.Cases.Add(NewCase());
        Assert.Throws<DbUpdateException>(() => db.SaveChanges());
    }

    [Fact]
    public void Deleting_a_case_deletes_its_history()
    {
        var id = SeedSubmittedCase();

        using (var db = NewContext())
        {
            db.Cases.Remove(db.Cases.Include(x => x.History).Single(x => x.Id == id));
            db.SaveChanges();
        }

        Assert.Equal(0L, Scalar("""SELECT COUNT(*) FROM "ApprovalHistories" """, id));
    }

    private static ReviewCase NewCase() => ReviewCase.Open(
        ReviewKind.TrainingPlan, 7, 2025, 100, "广州市某施教机构", 200, "广州市人力资源和社会保障局",
        "专业课计划审核,人社业务主管部门", T0);

    private int SeedSubmittedCase()
    {
        using var db = NewContext();
        var c = NewCase();
        c.Submit(Applicant, T0.AddHours(1), "专业课计划申报信息申报");
        db.Cases.Add(c);
        db.SaveChanges();
        return c.Id;
    }

    private object? Scalar(string sql, int id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar();
    }

    private TestDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseSqlite(_connection).Options);

    private sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
    {
        public DbSet<ReviewCase> Cases => Set<ReviewCase>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfiguration(new ReviewCaseConfiguration());
            modelBuilder.ApplyConfiguration(new ApprovalHistoryConfiguration());
        }

        protected override void ConfigureConventions(ModelConfigurationBuilder builder)
        {
            builder.Properties<DateTime>().HaveConversion<CeAdmin.Domain.Data.UtcDateTimeConverter>();
            builder.Properties<DateTime?>().HaveConversion<CeAdmin.Domain.Data.NullableUtcDateTimeConverter>();
        }
    }
}
