namespace CeAdmin.Domain.Catalogs;

public enum CatalogStatus { Draft, Published }

/// <summary>
/// 专业课目录指南: a province-level authority's list of professional courses for one series and
/// year. Once published (确认), institutions, employers and authorities pick its courses for plans.
/// </summary>
public sealed class CourseCatalog
{
    public int Id { get; set; }
    public int AuthorityId { get; set; }
    public int SeriesId { get; set; }
    public int Year { get; set; }
    /// <summary>申报日期.</summary>
    public DateOnly DeclaredOn { get; set; }
    /// <summary>经办人.</summary>
    public string OperatorName { get; set; } = "";
    public CatalogStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public List<CatalogCourse> Courses { get; } = [];

    /// <summary>保存 of 基本信息 (validated; the service has checked the series and year may change).</summary>
    public void Update(CatalogForm form)
    {
        SeriesId = form.SeriesId!.Value;
        Year = form.Year!.Value;
        DeclaredOn = DateOnly.FromDateTime(form.DeclaredOn!.Value);
        OperatorName = form.OperatorName.Trim();
    }
}

/// <summary>专业课: one course of a catalog.</summary>
public sealed class CatalogCourse
{
    public int Id { get; set; }
    public int CatalogId { get; set; }
    public CourseCatalog? Catalog { get; set; }
    /// <summary>专业课名称.</summary>
    public string Name { get; set; } = "";
    /// <summary>学习内容.</summary>
    public string Content { get; set; } = "";
    /// <summary>备注.</summary>
    public string? Remarks { get; set; }

    /// <summary>保存 of 专业添加 (validated).</summary>
    public void Update(CourseForm form)
    {
        Name = form.Name.Trim();
        Content = form.Content.Trim();
        Remarks = string.IsNullOrWhiteSpace(form.Remarks) ? null : form.Remarks.Trim();
    }
}
