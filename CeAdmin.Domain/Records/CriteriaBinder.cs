using System.Linq.Expressions;
using CeAdmin.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Records;

/// <summary>
/// Turns the one records predicate <c>(record, criteria) =&gt; bool</c> into what EF needs: a
/// <c>record =&gt; bool</c> bound to a criteria value (its members become query parameters), or a
/// compiled keyset query whose parameters are the criteria's members. So the conditions are written once.
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

    /// <summary>Both predicates, on the parameters of the first.</summary>
    public static Expression<Func<CeRecord, RecordCriteria, bool>> And(
        Expression<Func<CeRecord, RecordCriteria, bool>> a, Expression<Func<CeRecord, RecordCriteria, bool>> b)
    {
        var body = new Replace(b.Parameters[0], a.Parameters[0]).Visit(new Replace(b.Parameters[1], a.Parameters[1]).Visit(b.Body));
        return Expression.Lambda<Func<CeRecord, RecordCriteria, bool>>(Expression.AndAlso(a.Body, body), a.Parameters);
    }

    /// <summary>
    /// (db, criteria members…, bound, boundId, take) =&gt; the rows matching the predicate after (bound, boundId) in
    /// the order key, id — ascending or descending — the first <c>take</c> of them, projected. A null bound reads from
    /// the start. When the key is the id itself the bound is the id and boundId is not used.
    /// </summary>
    /// <remarks>
    /// The seek is written "key ≥ bound and (key &gt; bound or id &gt; boundId)" (mirrored when descending): the
    /// first half is a range the (…, key, id) index seeks, the second skips the rows of the bound's own key
    /// already shown.
    /// </remarks>
    public static Expression<Func<AppDbContext, int?, string?, string?, int?, string?, string?, string?, string?, int?, TBound, long, int, IQueryable<CeRecordRow>>> SeekQuery<TKey, TBound>(
        Expression<Func<CeRecord, RecordCriteria, bool>> predicate, Expression<Func<CeRecord, CeRecordRow>> projection,
        Expression<Func<CeRecord, TKey>> key, bool ascending)
    {
        var db = Expression.Parameter(typeof(AppDbContext), "db");
        var args = Members.Select(m => Expression.Parameter(m.PropertyType, m.Name)).ToList();
        var bound = Expression.Parameter(typeof(TBound), "bound");
        var boundId = Expression.Parameter(typeof(long), "boundId");
        var take = Expression.Parameter(typeof(int), "take");

        var record = predicate.Parameters[0];
        var id = Expression.Property(record, nameof(CeRecord.Id));
        var keyValue = new Replace(key.Parameters[0], record).Visit(key.Body);
        var isId = keyValue is MemberExpression { Member.Name: nameof(CeRecord.Id) };
        var matches = new Replace(predicate.Parameters[1], args.ToDictionary(a => a.Name!, a => (Expression)a)).Visit(predicate.Body);

        Expression Compare(ExpressionType op, Expression left, Expression right) =>
            left.Type == typeof(string)
                ? Expression.MakeBinary(op, Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right), Expression.Constant(0))
                : Expression.MakeBinary(op, Expression.Convert(left, right.Type), right);
        var (beyond, reach) = ascending ? (ExpressionType.GreaterThan, ExpressionType.GreaterThanOrEqual) : (ExpressionType.LessThan, ExpressionType.LessThanOrEqual);
        var seek = isId
            ? Compare(beyond, keyValue, bound)
            : Expression.AndAlso(Compare(reach, keyValue, bound), Expression.OrElse(Compare(beyond, keyValue, bound), Expression.MakeBinary(beyond, id, boundId)));
        var where = Expression.Lambda<Func<CeRecord, bool>>(
            Expression.AndAlso(matches, Expression.OrElse(Expression.Equal(bound, Expression.Constant(null, typeof(TBound))), seek)), record);

        Expression<Func<AppDbContext, IQueryable<CeRecord>>> source = d => d.CeRecords.AsNoTracking();
        Expression<Func<CeRecord, long>> byId = r => r.Id;
        var query = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(CeRecord)],
            new Replace(source.Parameters[0], db).Visit(source.Body), Expression.Quote(where));
        query = Expression.Call(typeof(Queryable), ascending ? nameof(Queryable.OrderBy) : nameof(Queryable.OrderByDescending),
            [typeof(CeRecord), typeof(TKey)], query, Expression.Quote(Expression.Lambda<Func<CeRecord, TKey>>(keyValue, record)));
        if (!isId)
            query = Expression.Call(typeof(Queryable), ascending ? nameof(Queryable.ThenBy) : nameof(Queryable.ThenByDescending),
                [typeof(CeRecord), typeof(long)], query, Expression.Quote(byId));
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(CeRecord)], query, take);
        query = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(CeRecord), typeof(CeRecordRow)], query, Expression.Quote(projection));

        return Expression.Lambda<Func<AppDbContext, int?, string?, string?, int?, string?, string?, string?, string?, int?, TBound, long, int, IQueryable<CeRecordRow>>>(
            query, [db, .. args, bound, boundId, take]);
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
