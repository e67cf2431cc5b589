using System.Linq.Expressions;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Records;

/// <summary>
/// Turns the one records predicate <c>(record, criteria) =&gt; bool</c> into what EF needs: a
/// <c>record =&gt; bool</c> bound to a criteria value (its members become query parameters), or a
/// compiled seek query whose parameters are the criteria's members. So the conditions are written once.
/// </summary>
internal static class CriteriaBinder
{
    private static readonly IReadOnlyList<System.Reflection.PropertyInfo> Members =
        typeof(RecordCriteria).GetConstructors()[0].GetParameters().Select(p => typeof(RecordCriteria).GetProperty(p.Name!)!).ToList();

    public static Expression<Func<CeRecord, bool>> Bind(Expression<Func<CeRecord, RecordCriteria, bool>> predicate, RecordCriteria criteria)
    {
        // A member of a constant is evaluated by EF and sent as a parameter, as a captured variable would be.
        var value = Expression.Constant(criteria);
        var body = new Replace(predicate.Parameters[1], Members.ToDictionary(m => m.Name, m => (Expression)Expression.Property(value, m))).Visit(predicate.Body);
        return Expression.Lambda<Func<CeRecord, bool>>(body, predicate.Parameters[0]);
    }

    /// <summary>
    /// (db, criteria members…, bound, take) =&gt; db.CeRecords.Where(predicate &amp;&amp; Id &lt; bound).OrderByDescending(Id).Take(take).Select(projection),
    /// or above the bound in ascending order.
    /// </summary>
    public static Expression<Func<AppDbContext, int?, string?, int?, int?, string?, string?, string?, string?, int?, string?, long, int, IQueryable<CeRecordRow>>> SeekQuery(
        Expression<Func<CeRecord, RecordCriteria, bool>> predicate, Expression<Func<CeRecord, CeRecordRow>> projection, bool newestFirst)
    {
        var db = Expression.Parameter(typeof(AppDbContext), "db");
        var args = Members.Select(m => Expression.Parameter(m.PropertyType, m.Name)).ToList();
        var bound = Expression.Parameter(typeof(long), "bound");
        var take = Expression.Parameter(typeof(int), "take");

        var record = predicate.Parameters[0];
        var id = Expression.Property(record, nameof(CeRecord.Id));
        var matches = new Replace(predicate.Parameters[1], args.ToDictionary(a => a.Name!, a => (Expression)a)).Visit(predicate.Body);
        var where = Expression.Lambda<Func<CeRecord, bool>>(
            Expression.AndAlso(matches, newestFirst ? Expression.LessThan(id, bound) : Expression.GreaterThan(id, bound)), record);

        Expression<Func<AppDbContext, IQueryable<CeRecord>>> source = d => d.CeRecords.AsNoTracking();
        Expression<Func<CeRecord, long>> key = r => r.Id;
        var query = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(CeRecord)],
            new Replace(source.Parameters[0], db).Visit(source.Body), Expression.Quote(where));
        query = Expression.Call(typeof(Queryable), newestFirst ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy),
            [typeof(CeRecord), typeof(long)], query, Expression.Quote(key));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(CeRecord)], query, take);
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(CeRecord), typeof(CeRecordRow)], query, Expression.Quote(projection));

        return Expression.Lambda<Func<AppDbContext, int?, string?, int?, int?, string?, string?, string?, string?, int?, string?, long, int, IQueryable<CeRecordRow>>>(
            query, [db, .. args, bound, take]);
    }

    /// <summary>Replaces a parameter, or the members read from it, with other expressions.</summary>
    private sealed class Replace : ExpressionVisitor
    {
        private readonly ParameterExpression _parameter;
        private readonly Expression? _with;
        private readonly IReadOnlyDictionary<string, Expression>? _members;

        public Replace(ParameterExpression parameter, Expression with) => (_parameter, _with) = (parameter, with);

        public Replace(ParameterExpression parameter, IReadOnlyDictionary<string, Expression> members) => (_parameter, _members) = (parameter, members);

        protected override Expression VisitMember(MemberExpression node) =>
            _members is not null && node.Expression == _parameter ? _members[node.Member.Name] : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) =>
            node != _parameter ? node : _with ?? throw new InvalidOperationException("The criteria are only read member by member.");
    }
}
