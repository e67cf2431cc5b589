namespace CeAdmin.Tests.Shared;

/// <summary>
/// One term per concept on a screen, as the manual labels it: the 查询统计 screens (继续教育记录查询, 统计分析) say
/// 专业系列; 行业主管角色申请 and 专业课目录 say 专业序列 (DOMAIN.md: the two names of one ProfessionalSeries).
/// </summary>
public sealed class TermsTests
{
    private static readonly string Features = Path.Combine(RepositoryRoot(), "CeAdmin.App", "Features");

    [Theory]
    [InlineData("Records", "专业系列", "专业序列")]
    [InlineData("Statistics", "专业系列", "专业序列")]
    [InlineData("Organizations", "专业序列", "专业系列")]
    [InlineData("Catalogs", "专业序列", "专业系列")]
    public void A_feature_names_the_series_with_the_manuals_one_term(string feature, string term, string other)
    {
        var texts = Directory.GetFiles(Path.Combine(Features, feature), "*.razor").Select(File.ReadAllText).ToList();
        Assert.Contains(texts, t => t.Contains(term, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains(other, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CeAdmin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CeAdmin.sln not found above the test binaries.");
    }
}
