using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Organizations;

/// <summary>1.2.2 行业主管部门信息维护 and 1.7.4 行业主管查询 on a real database.</summary>
public sealed class AuthorityServiceTests : ApprovedChainTest
{

    [Fact]
    public async Task Contact_fields_are_saved_without_review_and_audited()
    {
        var service = App.As<AuthorityService>(Chain.City);
        var mine = await service.GetMineAsync();
        Assert.Equal(("广州市教育局", "市级", "高等学校教师", "广州市", "广东省教育厅"),
            (mine.Detail.Name, mine.Detail.Level.ToLabel(), mine.Detail.SeriesName, mine.Detail.RegionName, mine.Detail.ReviewingOrgName));

        var contact = mine.Contact;
        contact.Mobile = "18688584644";
        contact.OfficePhone = "0668-8946548";
        contact.Address = "广州市越秀区中山一路8号";
        App.Clock.Advance(TimeSpan.FromMinutes(7));
        await service.SaveContactAsync(contact);

        await using var db = App.Db();
        var stored = await db.Authorities.SingleAsync(a => a.Id == Chain.CityId);
        Assert.Equal(("18688584644", "0668-8946548", "广州市越秀区中山一路8号"), (stored.Mobile, stored.OfficePhone, stored.Address));
        Assert.Equal(("广州市教育局", "440100"), (stored.Name, stored.RegionCode));
        var audit = await db.AuditEntries.Where(e => e.Entity == "Authority" && e.EntityKey == Chain.CityId.ToString() && e.Action == "Modified")
            .OrderBy(e => e.Id).LastAsync();
        Assert.Equal((Chain.City.UserName, Chain.City.UnitId), (audit.UserName, audit.UnitId));
        // Dated by the services' clock (the test's: 2026-03-02 02:00 UTC, seven minutes on), not the machine's.
        Assert.Equal(new DateTime(2026, 3, 2, 2, 7, 0, DateTimeKind.Utc), audit.At);
        Assert.Contains("18688584644", audit.Changes);
        Assert.DoesNotContain("Name", audit.Changes);
    }

    [Fact]
    public async Task Invalid_contact_fields_are_refused_and_nothing_changes()
    {
        var service = App.As<AuthorityService>(Chain.City);
        var contact = (await service.GetMineAsync()).Contact;
        contact.Email = "not-an-email";
        contact.PostalCode = "51000";
        contact.Functions = new string('职', 501);
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => service.SaveContactAsync(contact));
        Assert.Equal(["Email", "Functions", "PostalCode"], bad.Errors.Keys.Order().ToArray());

        await using var db = App.Db();
        Assert.Equal("510000", (await db.Authorities.SingleAsync(a => a.Id == Chain.CityId)).PostalCode);
    }

    [Fact]
    public async Task An_authority_not_yet_approved_has_nothing_to_maintain_or_query()
    {
        var county = await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        await Scenario.ApplyAsync(county, AffiliationLevel.County, "440106", Chain.CityId);
        var service = App.As<AuthorityService>(county);
        await Assert.ThrowsAsync<ScopeException>(() => service.GetMineAsync());
        await Assert.ThrowsAsync<ScopeException>(() => service.SaveContactAsync(AuthorityScenario.Form(county, AffiliationLevel.County, "440106", Chain.CityId)));
        await Assert.ThrowsAsync<ScopeException>(() => service.SubordinatesAsync(new AuthoritySearchFilter(), new PageRequest()));
    }

    [Fact]
    public async Task Subordinates_are_the_approved_lower_levels_of_the_series_in_the_region()
    {
        var tianhe = await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        await Scenario.ApprovedAuthorityAsync(tianhe, Chain.City, AffiliationLevel.County, "440106", Chain.CityId);
        var haizhu = await Scenario.UnitAsync("广州市海珠区教育局", UnitKind.Authority, "440105");
        await Scenario.ApplyAsync(haizhu, AffiliationLevel.County, "440105", Chain.CityId);  // pending: not listed

        var ofCity = await App.As<AuthorityService>(Chain.City).SubordinatesAsync(new AuthoritySearchFilter(), new PageRequest());
        var row = Assert.Single(ofCity.Items);
        Assert.Equal(("广州市天河区", "广州市天河区教育局", "13800138000"), (row.RegionName, row.Name, row.Phone));

        var ofProvince = await App.As<AuthorityService>(Chain.Province).SubordinatesAsync(new AuthoritySearchFilter(), new PageRequest(SortBy: "Name", Descending: true));
        Assert.Equal(["广州市教育局", "广州市天河区教育局"], ofProvince.Items.Select(r => r.Name));  // by code point: 教 > 天
        var filtered = await App.As<AuthorityService>(Chain.Province).SubordinatesAsync(new AuthoritySearchFilter("天河"), new PageRequest());
        Assert.Equal(1, filtered.Total);

        // The detail opens for those above, and for the unit itself.
        var detail = await App.As<AuthorityService>(Chain.Province).GetAsync(row.Id);
        Assert.Equal(("县(区)级", "广州市教育局"), (detail.Level.ToLabel(), detail.ReviewingOrgName));
        Assert.Equal(row.Id, (await App.As<AuthorityService>(tianhe).GetAsync(row.Id)).Id);
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AuthorityService>(tianhe).GetAsync(Chain.CityId));
    }
}
