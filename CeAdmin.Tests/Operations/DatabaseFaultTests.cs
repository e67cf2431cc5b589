using CeAdmin.Domain.Approvals;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Operations;

/// <summary>
/// PostgreSQL restarts or stops while a reviewer's 批量审核 runs. A restart: EF's retrying strategy carries
/// every decision through, none is lost and none is written twice (nor its audit row). An outage longer than
/// the retries: the batch stops with the Chinese message and decides nothing more; once the server is back
/// the same batch works, without restarting anything. These restart the shared server, so they run in the
/// cluster run only.
/// </summary>
[Trait("Category", "Cluster")]
[Collection("Cluster")]
public sealed class DatabaseFaultTests : IAsyncLifetime
{
    private static readonly string[] Districts = ["440103", "440104", "440105", "440106", "440111", "440112", "440113", "440114", "440115", "440117", "440118"];

    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        Assert.False(string.IsNullOrEmpty(TestApp.PostgresServer), "the fault tests run on PostgreSQL (scripts/cluster-test.sh)");
        _app = await TestApp.CreateAsync(pooling: true);
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Every_case_of_a_batch_is_decided_exactly_once_through_two_server_restarts()
    {
        var scenario = new AuthorityScenario(_app);
        var chain = await scenario.ProvinceAndCityAsync();
        var caseIds = new List<int>();
        foreach (var region in Districts)
        {
            var county = await scenario.UnitAsync($"区教育局{region}", UnitKind.Authority, region);
            caseIds.Add(await scenario.CaseIdAsync(await scenario.ApplyAsync(county, AffiliationLevel.County, region, chain.CityId)));
        }

        // The audit interceptor reads the reviewer inside each decision's save: the 3rd save waits for a
        // restart (the pool's connections are then all dead), the 7th starts one and goes on while the
        // server shuts down and comes back, so later decisions fail mid-transaction.
        var saves = 0;
        Task? background = null;
        async Task OnSave()
        {
            switch (Interlocked.Increment(ref saves))
            {
                case 3: await PostgresServer.RestartAsync(); break;
                case 7: background = PostgresServer.RestartAsync(); break;
            }
        }

        BatchReviewResult result;
        try
        {
            result = await _app.As<ReviewService>(chain.City, OnSave).BatchReviewAsync(caseIds, ReviewDecision.Approve, "同意");
        }
        finally
        {
            if (background is not null) await background;
        }

        Assert.Equal((caseIds.Count, 0), (result.Succeeded, result.Failed));
        Assert.True(saves > caseIds.Count, $"the restarts made some saves run again ({saves} saves for {caseIds.Count} decisions)");
        await using var db = _app.Db();
        var cases = await db.ReviewCases.AsNoTracking().Include(c => c.History).Where(c => caseIds.Contains(c.Id)).ToListAsync();
        Assert.All(cases, c =>
        {
            Assert.Equal(ReviewStatus.Approved, c.Status);
            Assert.Equal([ReviewCase.SubmitLabel, "同意"], c.History.OrderBy(h => h.Seq).Select(h => h.Result));
        });
        var keys = caseIds.Select(id => id.ToString()).ToList();
        var decisionAudits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(ReviewCase) && a.Action == "Modified" && keys.Contains(a.EntityKey) && a.Changes.Contains("\"DecidedAt\""))
            .Select(a => a.EntityKey).ToListAsync();
        Assert.Equal(keys.Order(), decisionAudits.Order());
    }

    [Fact]
    public async Task An_outage_longer_than_the_retries_stops_the_batch_with_a_message_and_the_next_try_after_it_works()
    {
        // Short retries keep the test short; the behaviour is the same as with the defaults.
        _app.Database.MaxRetryCount = 2;
        _app.Database.MaxRetryDelaySeconds = 0.5;
        var scenario = new AuthorityScenario(_app);
        var chain = await scenario.ProvinceAndCityAsync();
        var caseIds = new List<int>();
        foreach (var region in Districts[..3])
        {
            var county = await scenario.UnitAsync($"区教育局{region}", UnitKind.Authority, region);
            caseIds.Add(await scenario.CaseIdAsync(await scenario.ApplyAsync(county, AffiliationLevel.County, region, chain.CityId)));
        }

        var saves = 0;
        try
        {
            async Task StopAtFirstSave()
            {
                if (Interlocked.Increment(ref saves) == 1) await PostgresServer.PauseAsync();
            }
            var refused = await _app.As<ReviewService>(chain.City, StopAtFirstSave).BatchReviewAsync(caseIds, ReviewDecision.Approve, "同意");

            Assert.Equal((0, 3), (refused.Succeeded, refused.Failed));
            Assert.All(refused.Items, i => Assert.Equal(DatabaseUnavailableException.Text, i.Message));
            Assert.Equal(3, saves);  // the first case and its two retries: the batch stopped instead of waiting out the retries for each case
        }
        finally
        {
            await PostgresServer.ResumeAsync();
        }

        var result = await _app.As<ReviewService>(chain.City).BatchReviewAsync(caseIds, ReviewDecision.Approve, "同意");
        Assert.Equal((3, 0), (result.Succeeded, result.Failed));
        foreach (var id in caseIds) Assert.Equal(2, (await scenario.CaseAsync(id)).History.Count);
    }
}
