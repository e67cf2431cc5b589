using CeAdmin.Tests.Infrastructure;

namespace CeAdmin.Tests.Accessibility;

/// <summary>The page map the accessibility and layout tests walk covers every route of the app.</summary>
public sealed class PageMapTests
{
    [Fact]
    public void Every_route_of_the_app_has_an_entry_in_the_page_map()
    {
        var routes = PageMap.AppRoutes();
        Assert.NotEmpty(routes);
        var missing = routes.Except(PageMap.Pages.Keys).ToList();
        Assert.True(missing.Count == 0,
            "Pages without an entry in CeAdmin.Tests/Infrastructure/PageMap.cs (say which demo roles open them, and where a parameterised one gets its sample id): "
            + string.Join(", ", missing));
        var stale = PageMap.Pages.Keys.Except(routes).ToList();
        Assert.True(stale.Count == 0, "Page map entries without a page: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_role_opens_a_page_and_is_refused_one()
    {
        foreach (var role in PageMap.Roles)
            Assert.NotEmpty(PageMap.PagesOf(role));
        foreach (var role in PageMap.Roles.Where(r => r != PageMap.Visitor))
            Assert.DoesNotContain(role, PageMap.RefusedTo(role).Roles);
    }

    [Fact]
    public void A_parameterised_route_says_where_its_sample_comes_from()
    {
        // A public page reached from outside the app (the QR code of a 学时证明) is opened with an unknown token.
        foreach (var entry in PageMap.Pages.Values.Where(p => p.Template.Contains('{') && !p.Roles.SequenceEqual([PageMap.Visitor])))
        {
            Assert.True(entry.Sample is not null, $"{entry.Template} has no sample source");
            var list = PageMap.Pages[entry.Sample!.ListPath];
            Assert.All(entry.Roles, r => Assert.Contains(r, list.Roles));
        }
    }
}
