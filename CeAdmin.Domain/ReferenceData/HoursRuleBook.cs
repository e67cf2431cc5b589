using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.ReferenceData;

/// <summary>
/// The per-year hours rules as the administrator keeps them. A year without its own row follows the
/// latest earlier year (a rule stays in force until changed); a year before every row, the first.
/// </summary>
public sealed class HoursRuleBook(IReadOnlyList<HoursRule> rules)
{
    private readonly IReadOnlyList<HoursRule> _rules = rules.OrderBy(r => r.Year).ToList();

    public static async Task<HoursRuleBook> LoadAsync(AppDbContext db, CancellationToken ct = default) =>
        new(await db.HoursRules.AsNoTracking().ToListAsync(ct));

    public static HoursRuleBook Default { get; } = new(ReferenceDataSeed.HoursRules);

    public HoursRule For(int year) =>
        _rules.LastOrDefault(r => r.Year <= year) ?? _rules.FirstOrDefault()
        ?? throw new InvalidOperationException("No hours rule is configured");
}
