using System.Linq.Expressions;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Records;
using CeAdmin.Domain.ReferenceData;

namespace CeAdmin.Domain.Compliance;

/// <summary>
/// One person's 合格 hours of one 申报年度 by 科目类型, next to that year's 学时规定: what the rule of
/// 达标 reads. <typeparamref name="TKey"/> is the group a count is made for (统计分析's region, series,
/// year; none for the compliance query).
/// </summary>
public sealed class HoursTally<TKey>
{
    public TKey Key { get; init; } = default!;
    public int Year { get; init; }
    public string IdNumber { get; init; } = "";
    public string PersonName { get; init; } = "";
    /// <summary>The newest record of the person-year: the handle by which the detail opens (never the ID number in a URL).</summary>
    public long LastRecordId { get; init; }
    public double Public { get; init; }
    public double Professional { get; init; }
    public double Elective { get; init; }
    public int AnnualRequired { get; init; }
    public int PublicRequired { get; init; }
    public int ProfessionalRequired { get; init; }
    public int ElectiveRequired { get; init; }
    public bool ProfessionalExcessCountsAsElective { get; init; }
    public bool PublicExcessCountsAsElective { get; init; }
    public double Total => Public + Professional + Elective;
}

/// <summary>Per group: people (person-years), those who are 达标, and those who met each category's own requirement.</summary>
public sealed class TallyCounts<TKey>
{
    public TKey Key { get; init; } = default!;
    public int People { get; init; }
    public int Met { get; init; }
    public int PublicMet { get; init; }
    public int ProfessionalMet { get; init; }
    public int ElectiveMet { get; init; }
}

/// <summary>
/// 个人学时达标: the one definition that the compliance query, the 学时证明 and 统计分析 use
/// (docs/compliance.md). A person-year is 达标 when its 合格 hours reach 公需科目's and 专业科目's
/// requirements and 选修科目's — to which hours above 专业科目's (and, where the year says so,
/// 公需科目's) requirement count. Stated once as an expression: SQL evaluates it for queries and
/// counts, the compiled delegate for one person in memory.
/// </summary>
public static class ComplianceRule
{
    public static Expression<Func<HoursTally<TKey>, bool>> Met<TKey>() => t =>
        t.Public >= t.PublicRequired
        && t.Professional >= t.ProfessionalRequired
        && t.Elective
           + (t.ProfessionalExcessCountsAsElective ? t.Professional - t.ProfessionalRequired : 0)
           + (t.PublicExcessCountsAsElective ? t.Public - t.PublicRequired : 0) >= t.ElectiveRequired;

    public static Expression<Func<HoursTally<TKey>, bool>> NotMet<TKey>()
    {
        var met = Met<TKey>();
        return Expression.Lambda<Func<HoursTally<TKey>, bool>>(Expression.Not(met.Body), met.Parameters);
    }

    private static readonly Func<HoursTally<int>, bool> MetInMemory = Met<int>().Compile();

    public static bool IsMet(HoursTally<int> tally) => MetInMemory(tally);

    /// <summary>What is missing, per category, e.g. "公需科目差6学时；选修科目差4学时"; empty when 达标.</summary>
    public static string Missing<TKey>(HoursTally<TKey> t)
    {
        var parts = new List<string>();
        var pub = t.PublicRequired - t.Public;
        var prof = t.ProfessionalRequired - t.Professional;
        var credit = t.Elective
            + (t.ProfessionalExcessCountsAsElective ? Math.Max(0, -prof) : 0)
            + (t.PublicExcessCountsAsElective ? Math.Max(0, -pub) : 0);
        var elective = t.ElectiveRequired - credit;
        if (pub > 0) parts.Add($"公需科目差{pub:0.#}学时");
        if (prof > 0) parts.Add($"专业科目差{prof:0.#}学时");
        if (elective > 0) parts.Add($"选修科目差{elective:0.#}学时");
        return string.Join("；", parts);
    }

    /// <summary>
    /// Person-years of <paramref name="records"/> (only 合格 ones count) grouped by <paramref name="key"/>,
    /// with the requirement of their year. A year without a 学时规定 row has no requirement and no tally.
    /// </summary>
    public static IQueryable<HoursTally<TKey>> Tally<TKey>(AppDbContext db, IQueryable<CeRecord> records, Expression<Func<CeRecord, TKey>> key)
    {
        var passed = records.Where(r => r.Result == RecordValues.Passed);
        var perPerson = passed.Select(KeyedBy(key))
            .GroupBy(k => new { k.Key, k.Year, k.IdNumber })
            .Select(g => new
            {
                g.Key.Key, g.Key.Year, g.Key.IdNumber,
                PersonName = g.Max(x => x.PersonName),
                LastRecordId = g.Max(x => x.Id),
                Public = g.Sum(x => x.SubjectType == RecordValues.Public ? x.Hours : 0),
                Professional = g.Sum(x => x.SubjectType == RecordValues.Professional ? x.Hours : 0),
                Elective = g.Sum(x => x.SubjectType == RecordValues.Elective ? x.Hours : 0),
            });
        return from p in perPerson
               join rule in db.HoursRules on p.Year equals rule.Year
               select new HoursTally<TKey>
               {
                   Key = p.Key, Year = p.Year, IdNumber = p.IdNumber, PersonName = p.PersonName!, LastRecordId = p.LastRecordId,
                   Public = p.Public, Professional = p.Professional, Elective = p.Elective,
                   AnnualRequired = rule.AnnualRequired, PublicRequired = rule.PublicRequired,
                   ProfessionalRequired = rule.ProfessionalRequired, ElectiveRequired = rule.ElectiveRequired,
                   ProfessionalExcessCountsAsElective = rule.ProfessionalExcessCountsAsElective,
                   PublicExcessCountsAsElective = rule.PublicExcessCountsAsElective,
               };
    }

    /// <summary>Per group key: 达标 person-years and those meeting each category's own requirement (统计分析).</summary>
    public static IQueryable<TallyCounts<TKey>> Counts<TKey>(IQueryable<HoursTally<TKey>> tallies)
    {
        var met = Met<TKey>();
        var t = met.Parameters[0];
        // t => new Flagged { Key = t.Key, Met = <the rule> ? 1 : 0, ... }: the rule's body inlined, not restated.
        Expression Flag(Expression condition) => Expression.Condition(condition, Expression.Constant(1), Expression.Constant(0));
        Expression Reaches(string hours, string required) =>
            Expression.GreaterThanOrEqual(Expression.Property(t, hours), Expression.Convert(Expression.Property(t, required), typeof(double)));
        var type = typeof(Flagged<TKey>);
        var flagged = Expression.Lambda<Func<HoursTally<TKey>, Flagged<TKey>>>(
            Expression.MemberInit(Expression.New(type),
                Expression.Bind(type.GetProperty(nameof(Flagged<TKey>.Key))!, Expression.Property(t, nameof(HoursTally<TKey>.Key))),
                Expression.Bind(type.GetProperty(nameof(Flagged<TKey>.Met))!, Flag(met.Body)),
                Expression.Bind(type.GetProperty(nameof(Flagged<TKey>.Public))!, Flag(Reaches(nameof(HoursTally<TKey>.Public), nameof(HoursTally<TKey>.PublicRequired)))),
                Expression.Bind(type.GetProperty(nameof(Flagged<TKey>.Professional))!, Flag(Reaches(nameof(HoursTally<TKey>.Professional), nameof(HoursTally<TKey>.ProfessionalRequired)))),
                Expression.Bind(type.GetProperty(nameof(Flagged<TKey>.Elective))!, Flag(Reaches(nameof(HoursTally<TKey>.Elective), nameof(HoursTally<TKey>.ElectiveRequired))))),
            t);
        return tallies.Select(flagged).GroupBy(f => f.Key)
            .Select(g => new TallyCounts<TKey>
            {
                Key = g.Key, People = g.Count(), Met = g.Sum(x => x.Met), PublicMet = g.Sum(x => x.Public),
                ProfessionalMet = g.Sum(x => x.Professional), ElectiveMet = g.Sum(x => x.Elective),
            });
    }

    private sealed class Flagged<TKey>
    {
        public TKey Key { get; init; } = default!;
        public int Met { get; init; }
        public int Public { get; init; }
        public int Professional { get; init; }
        public int Elective { get; init; }
    }

    /// <summary>A record reduced to what a tally needs, with the group key.</summary>
    private sealed class Keyed<TKey>
    {
        public TKey Key { get; init; } = default!;
        public long Id { get; init; }
        public int Year { get; init; }
        public string IdNumber { get; init; } = "";
        public string PersonName { get; init; } = "";
        public string SubjectType { get; init; } = "";
        public double Hours { get; init; }
    }

    /// <summary>r => new Keyed { Key = key(r), Year = r.Year, ... }.</summary>
    private static Expression<Func<CeRecord, Keyed<TKey>>> KeyedBy<TKey>(Expression<Func<CeRecord, TKey>> key)
    {
        var r = key.Parameters[0];
        var type = typeof(Keyed<TKey>);
        MemberBinding Bind(string name, Expression value) => Expression.Bind(type.GetProperty(name)!, value);
        return Expression.Lambda<Func<CeRecord, Keyed<TKey>>>(
            Expression.MemberInit(Expression.New(type),
                Bind(nameof(Keyed<TKey>.Key), key.Body),
                Bind(nameof(Keyed<TKey>.Id), Expression.Property(r, nameof(CeRecord.Id))),
                Bind(nameof(Keyed<TKey>.Year), Expression.Property(r, nameof(CeRecord.Year))),
                Bind(nameof(Keyed<TKey>.IdNumber), Expression.Property(r, nameof(CeRecord.IdNumber))),
                Bind(nameof(Keyed<TKey>.PersonName), Expression.Property(r, nameof(CeRecord.PersonName))),
                Bind(nameof(Keyed<TKey>.SubjectType), Expression.Property(r, nameof(CeRecord.SubjectType))),
                Bind(nameof(Keyed<TKey>.Hours), Expression.Convert(Expression.Property(r, nameof(CeRecord.Hours)), typeof(double)))),
            r);
    }
}
