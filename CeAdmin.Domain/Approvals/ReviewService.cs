using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Data;
using CeAdmin.Domain.Exports;
using CeAdmin.Domain.Inbox;
using CeAdmin.Domain.Messages;
using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Domain.Approvals;

/// <summary>
/// The one review workflow as a service, the same for every kind of application: read a case and its
/// 审批流程, decide one case or a batch, and the review grids' query. Each decision loads the case with
/// its history, checks that the caller's unit is the case's 审核部门 and that the subject lies in its
/// scope, calls the guarded method on <see cref="ReviewCase"/>, lets the subject react
/// (<see cref="IReviewSubjectHandler"/>) and saves once.
/// </summary>
public sealed class ReviewService(
    IDbContextFactory<AppDbContext> dbFactory,
    ICurrentUser currentUser,
    TimeProvider clock,
    IEnumerable<IReviewSubjectHandler> handlers,
    Operations.AppMetrics metrics,
    InboxNotifier inbox)
{
    public const string ConcurrencyMessage = "该申请已被其他审核人处理，请刷新后查看最新状态";
    public const string NotFoundMessage = "该申请不存在";
    public const string NotReviewerMessage = "该申请不在您的审核范围内";

    private static readonly UnitKind[] Reviewers = [UnitKind.Authority, UnitKind.Hrss];
    private static readonly UnitKind[] Applicants = [UnitKind.Authority, UnitKind.Institution, UnitKind.Employer];

    /// <summary>How many of the caller unit's own applications the applicant's 待办 lists at most.</summary>
    public const int OpenCasesLimit = 100;

    private readonly Dictionary<ReviewKind, IReviewSubjectHandler> _handlers = handlers.ToDictionary(h => h.Kind);

    /// <summary>
    /// A review detail page's content in one call, on one context with one scope check: the case, the
    /// subject's detail, its 附件材料 and 审批流程. Refused unless the case is of <paramref name="kind"/> (a
    /// plan's page never shows a role application) and the caller may see its subject.
    /// </summary>
    public async Task<ReviewCaseView<TSubject>> OpenAsync<TSubject>(ReviewKind kind, int caseId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        var reviewCase = await LoadVisibleAsync(db, actor, caseId, ct, kind);
        var handler = Handler(kind) as IReviewSubjectDetail<TSubject>
            ?? throw new InvalidOperationException($"The handler of {kind} does not give a {typeof(TSubject).Name}.");
        var subject = await handler.DetailAsync(db, actor, reviewCase, ct);
        var info = new ReviewCaseInfo(
            reviewCase.Id, reviewCase.Kind, reviewCase.SubjectId, reviewCase.Year, reviewCase.ApplicantName,
            reviewCase.ReviewingUnitName, reviewCase.Step, reviewCase.Status, reviewCase.LastOpinion,
            CanDecide: reviewCase.IsPending && reviewCase.ReviewingUnitId == actor.UnitId);
        return new ReviewCaseView<TSubject>(info, subject,
            await AttachmentService.RowsAsync(db, handler.AttachmentOwnerType, reviewCase.SubjectId, ct), await HistoryRowsAsync(db, caseId, ct));
    }

    /// <summary>审批流程 of a case, in order; refused unless the caller may see its subject.</summary>
    public async Task<IReadOnlyList<ApprovalHistoryRow>> HistoryAsync(int caseId, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync();
        await using var db = dbFactory.CreateDbContext();
        await LoadVisibleAsync(db, actor, caseId, ct);
        return await HistoryRowsAsync(db, caseId, ct);
    }

    private static async Task<IReadOnlyList<ApprovalHistoryRow>> HistoryRowsAsync(AppDbContext db, int caseId, CancellationToken ct) =>
        await db.ApprovalHistories.AsNoTracking()
            .Where(h => h.ReviewCaseId == caseId)
            .OrderBy(h => h.Seq)
            .Select(h => new ApprovalHistoryRow(h.Seq, h.BusinessStep, h.OperatorUnit, h.Operator, h.At, h.Result, h.Opinion))
            .ToListAsync(ct);

    /// <summary>审核: one decision on one case.</summary>
    /// <exception cref="ScopeException">The caller's unit is not the case's 审核部门, or the subject lies outside its scope.</exception>
    /// <exception cref="ConcurrencyException">Another reviewer decided the case first.</exception>
    /// <exception cref="DomainException">The case is not pending, or a rejection has no opinion.</exception>
    public async Task DecideAsync(int caseId, ReviewDecision decision, string? opinion, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(Reviewers);
        await DecideOneAsync(actor, caseId, decision, opinion, ct);
    }

    /// <summary>
    /// 批量审核: the same decision on each case in turn, each in its own context and save, so one
    /// refusal (already decided, outside scope, decided meanwhile by someone else) skips only that case.
    /// </summary>
    public async Task<BatchReviewResult> BatchReviewAsync(IReadOnlyCollection<int> caseIds, ReviewDecision decision, string? opinion, CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(Reviewers);
        var ids = caseIds.Distinct().ToList();
        Dictionary<int, string> names;
        await using (var db = dbFactory.CreateDbContext())
        {
            // Names only of the caller's own cases: the result must not reveal other units' applications.
            names = await db.ReviewCases.AsNoTracking()
                .Where(c => ids.Contains(c.Id) && c.ReviewingUnitId == actor.UnitId)
                .ToDictionaryAsync(c => c.Id, c => c.ApplicantName, ct);
        }

        var items = new List<BatchReviewItem>(ids.Count);
        foreach (var id in ids)
        {
            var name = names.GetValueOrDefault(id, "");
            try
            {
                await DecideOneAsync(actor, id, decision, opinion, ct);
                items.Add(new BatchReviewItem(id, name, true, $"审核完成：{decision.ToLabel()}"));
            }
            catch (DatabaseUnavailableException ex)
            {
                // Every remaining case would wait out the retries again: stop, and say none of them was decided.
                items.AddRange(ids.Skip(items.Count).Select(rest => new BatchReviewItem(rest, names.GetValueOrDefault(rest, ""), false, ex.Message)));
                break;
            }
            catch (DomainException ex)
            {
                items.Add(new BatchReviewItem(id, name, false, ex.Message));
            }
        }

        return new BatchReviewResult(items);
    }

    /// <summary>
    /// One page of a review grid: the cases of <paramref name="queue"/>'s kind whose 审核部门 is the
    /// caller's unit (drafts are not submitted yet, so never shown), joined to subjects in its scope.
    /// </summary>
    public async Task<Page<TRow>> QueueAsync<TSubject, TRow>(ReviewQueue<TSubject, TRow> queue, ReviewQueueFilter filter, PageRequest page, CancellationToken ct = default)
        where TSubject : class
        where TRow : IReviewRow
    {
        var actor = await currentUser.RequireUnitAsync(Reviewers);
        await using var db = dbFactory.CreateDbContext();
        var items = QueueItems(db, queue, filter, actor, await Scope.ResolveAsync(db, actor, ct));
        var total = await items.CountAsync(ct);
        var rows = await Sort(queue, items, page).PageBy(page).Select(queue.Row).ToListAsync(ct);
        return new Page<TRow>(rows, total);
    }

    /// <summary>
    /// How many rows a review grid shows with <paramref name="filter"/>: <see cref="QueueAsync{TSubject, TRow}"/>'s query,
    /// counted. The 首页's 待审核 counts are this with the 待审核 status, so a count and its grid never disagree.
    /// </summary>
    public async Task<int> CountAsync<TSubject, TRow>(ReviewQueue<TSubject, TRow> queue, ReviewQueueFilter filter, CancellationToken ct = default)
        where TSubject : class
        where TRow : IReviewRow
    {
        var actor = await currentUser.RequireUnitAsync(Reviewers);
        await using var db = dbFactory.CreateDbContext();
        return await QueueItems(db, queue, filter, actor, await Scope.ResolveAsync(db, actor, ct)).CountAsync(ct);
    }

    /// <summary>
    /// The applicant's 待办: the caller unit's own applications that wait for it, returned ones first (with the
    /// reviewer's opinion), then drafts not yet submitted; at most <see cref="OpenCasesLimit"/>.
    /// </summary>
    public async Task<IReadOnlyList<OpenCaseRow>> MyOpenCasesAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.RequireUnitAsync(Applicants);
        await using var db = dbFactory.CreateDbContext();
        var cases = await db.ReviewCases.AsNoTracking()
            .Where(c => c.ApplicantUnitId == actor.UnitId && (c.Status == ReviewStatus.Returned || c.Status == ReviewStatus.Draft))
            .OrderBy(c => c.Status == ReviewStatus.Returned ? 0 : 1).ThenByDescending(c => c.DecidedAt ?? c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(OpenCasesLimit)
            .Select(c => new { c.Id, c.Kind, c.SubjectId, c.Status, c.LastOpinion, c.ReviewingUnitName, c.DecidedAt })
            .ToListAsync(ct);
        var names = new Dictionary<ReviewKind, IReadOnlyDictionary<int, string>>();
        foreach (var kind in cases.Select(c => c.Kind).Distinct())
            names[kind] = await Handler(kind).NamesAsync(db, cases.Where(c => c.Kind == kind).Select(c => c.SubjectId).ToList(), ct);
        return cases.Select(c => new OpenCaseRow(c.Id, c.Kind, c.SubjectId, names[c.Kind].GetValueOrDefault(c.SubjectId, ""), c.Status,
            c.Status == ReviewStatus.Returned ? c.LastOpinion : null, c.ReviewingUnitName, c.DecidedAt)).ToList();
    }

    /// <summary>导出Excel of a review grid: the same filtered rows, all of them, streamed in the grid's order.</summary>
    public async Task ExportQueueAsync<TSubject, TRow>(ReviewQueue<TSubject, TRow> queue, ReviewQueueFilter filter, IReadOnlyList<ExportColumn<TRow>> columns,
        string sheetName, Stream output, IProgress<int>? progress, CancellationToken ct = default)
        where TSubject : class
        where TRow : IReviewRow
    {
        var actor = await currentUser.RequireUnitAsync(Reviewers);
        await using var db = dbFactory.CreateDbContext();
        var items = QueueItems(db, queue, filter, actor, await Scope.ResolveAsync(db, actor, ct));
        var rows = Sort(queue, items, new PageRequest()).Select(queue.Row).AsAsyncEnumerable();
        await ExcelExporter.WriteAsync(output, rows, columns, sheetName, progress, ct);
    }

    private static IQueryable<ReviewQueueItem<TSubject>> QueueItems<TSubject, TRow>(AppDbContext db, ReviewQueue<TSubject, TRow> queue,
        ReviewQueueFilter filter, Actor actor, Scope scope)
        where TSubject : class
        where TRow : IReviewRow
    {
        var cases = db.ReviewCases.AsNoTracking()
            .Where(c => c.Kind == queue.Kind && c.ReviewingUnitId == actor.UnitId && c.Status != ReviewStatus.Draft);
        if (filter.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (filter.Year is { } year) cases = cases.Where(c => c.Year == year);
        if (filter.Applicant?.Trim() is { Length: > 0 } applicant) cases = cases.Where(c => c.ApplicantName.Contains(applicant));

        return cases.Join(
            queue.Subjects(db, scope).AsNoTracking(),
            c => c.SubjectId,
            queue.SubjectId,
            (c, s) => new ReviewQueueItem<TSubject> { Case = c, Subject = s });
    }

    private static IOrderedQueryable<ReviewQueueItem<TSubject>> Sort<TSubject, TRow>(
        ReviewQueue<TSubject, TRow> queue, IQueryable<ReviewQueueItem<TSubject>> items, PageRequest page)
        where TSubject : class
        where TRow : IReviewRow
    {
        var desc = page.Descending;
        var sorted = page.SortBy switch
        {
            // 审核部门 is the caller's own unit on every row: not a sort key.
            nameof(IReviewRow.ApplicantName) => items.OrderBy(i => i.Case.ApplicantName, desc),
            nameof(IReviewRow.Status) => items.OrderBy(i => i.Case.Status, desc),
            { } column => queue.OrderBySubject(items, column, desc),
            null => null,
        };

        // Default and tie-break: pending cases first, the latest submission on top.
        return (sorted ?? items.OrderBy(i => i.Case.Status == ReviewStatus.Submitted ? 0 : 1))
            .ThenByDescending(i => i.Case.SubmittedAt)
            .ThenByDescending(i => i.Case.Id);
    }

    private async Task DecideOneAsync(Actor actor, int caseId, ReviewDecision decision, string? opinion, CancellationToken ct)
    {
        await using var db = dbFactory.CreateDbContext();
        var reviewCase = await db.ReviewCases.Include(c => c.History).SingleOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new DomainException(NotFoundMessage);
        if (reviewCase.ReviewingUnitId != actor.UnitId) throw new ScopeException(NotReviewerMessage);

        var handler = Handler(reviewCase.Kind);
        var subject = await handler.LocateAsync(db, reviewCase, ct);
        (await Scope.ResolveAsync(db, actor, ct)).EnsureCovers(subject);

        var now = clock.GetUtcNow().UtcDateTime;
        reviewCase.Decide(actor, decision, opinion, now);
        await handler.OnDecidedAsync(db, reviewCase, now, ct);
        // 站内消息 to the applicant, in the decision's own save: there is no decision without its message.
        var name = (await handler.NamesAsync(db, [reviewCase.SubjectId], ct)).GetValueOrDefault(reviewCase.SubjectId, "");
        db.Messages.Add(Message.OfDecision(reviewCase, name, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException(ConcurrencyMessage);
        }
        metrics.ReviewDecided(reviewCase.Kind, decision);
        inbox.Publish(InboxChange.ForUnits(reviewCase.ReviewingUnitId, reviewCase.ApplicantUnitId));
    }

    /// <summary>The case (of <paramref name="kind"/> when given), read-only, if the caller may see it: its applicant, or an authority / the HRSS department whose scope covers the subject.</summary>
    private async Task<ReviewCase> LoadVisibleAsync(AppDbContext db, Actor actor, int caseId, CancellationToken ct, ReviewKind? kind = null)
    {
        var reviewCase = await db.ReviewCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId && (kind == null || c.Kind == kind), ct)
            ?? throw new DomainException(NotFoundMessage);
        var subject = await Handler(reviewCase.Kind).LocateAsync(db, reviewCase, ct);
        await Scope.EnsureCanSeeAsync(db, actor, reviewCase.ApplicantUnitId, subject, ct: ct);
        return reviewCase;
    }

    private IReviewSubjectHandler Handler(ReviewKind kind) =>
        _handlers.TryGetValue(kind, out var handler)
            ? handler
            : throw new InvalidOperationException($"No IReviewSubjectHandler is registered for {kind}.");
}
