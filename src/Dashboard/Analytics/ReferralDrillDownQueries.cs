using System.Linq.Expressions;
using Dashboard.Senders.Firstbird;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>
/// A firstbird application behind a figure, with its enumerations as the sender sent them (a chart's "Other" bucket
/// is only useful if someone can see what is in it). Feedback lists each referral's current feedback type.
/// </summary>
public sealed record ReferralRow(
    string ApplicationId, string? Applicant, string? Job, string? ReceivedType, DateTime ReceivedAt, string State, string? Rating,
    string? CloseReason, IReadOnlyList<string> Feedback, DateTime? HiredAt);

/// <summary>The applications behind a referral figure, a page at a time, in the database.</summary>
internal static class ReferralDrillDownQueries
{
    public static async Task<RowPage<ReferralRow>> ReferralsAsync(
        DashboardDbContext db, AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize, CancellationToken ct)
    {
        (page, pageSize) = (Math.Max(1, page), Math.Clamp(pageSize, 1, DrillDownQueries.MaxPageSize));
        var live = ReferralQueries.InRange(db, filter).Where(a => !a.Deleted);
        var query = live;
        if (selection.State is { } state) query = query.Where(a => a.State == state);
        if (selection.Type is { } type) query = await InBucketAsync(query, live, a => a.ReceivedType, ReferralBuckets.TypeOf, type, ct);
        if (selection.Rating is { } rating) query = await InBucketAsync(query, live, a => a.Rating, ReferralBuckets.RatingOf, rating, ct);
        if (selection.CloseReason is { } reason)
            query = await InBucketAsync(query.Where(a => a.State == ReferralStates.Closed), live, a => a.CloseReason,
                ReferralBuckets.CloseReasonOf, reason, ct);

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.ReceivedAt).ThenBy(a => a.ApplicationId)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return await PageAsync(db, rows, page, pageSize, total, ct);
    }

    /// <summary>The rows of a page whose applications the figure index chose, in its order.</summary>
    public static async Task<RowPage<ReferralRow>> RowsAsync(
        DashboardDbContext db, IReadOnlyList<string> chosen, int page, int pageSize, int total, CancellationToken ct)
    {
        var rows = await db.ReferralApplications.AsNoTracking().Where(a => chosen.Contains(a.ApplicationId))
            .ToDictionaryAsync(a => a.ApplicationId, StringComparer.Ordinal, ct);
        return await PageAsync(db, chosen.Where(rows.ContainsKey).Select(id => rows[id]).ToList(), page, pageSize, total, ct);
    }

    private static async Task<RowPage<ReferralRow>> PageAsync(
        DashboardDbContext db, List<ReferralApplication> rows, int page, int pageSize, int total, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ApplicationId).ToList();
        var feedback = (await ReferralQueries.CurrentFeedbackAsync(db, db.ReferralApplications.Where(a => ids.Contains(a.ApplicationId))
                .Select(a => a.ApplicationId), ct))
            .Where(f => f.ReferralType is not null)
            .ToLookup(f => f.ApplicationId!, f => f.ReferralType!);
        return new RowPage<ReferralRow>(
            rows.Select(a => new ReferralRow(a.ApplicationId, a.ApplicantName, a.JobTitle, a.ReceivedType, a.ReceivedAt, a.State, a.Rating,
                a.CloseReason, feedback[a.ApplicationId].Order(StringComparer.Ordinal).ToList(), a.HiredAt)).ToList(),
            page, pageSize, total);
    }

    /// <summary>
    /// Keeps the applications whose value falls in a bucket. Which raw values do is decided by the same code the
    /// figures use, over the values present, so a list and its figure can never disagree on a bucket; the database
    /// then filters on those values and pages.
    /// </summary>
    private static async Task<IQueryable<ReferralApplication>> InBucketAsync(
        IQueryable<ReferralApplication> query, IQueryable<ReferralApplication> scope, Expression<Func<ReferralApplication, string?>> value,
        Func<string?, string?> bucketOf, string bucket, CancellationToken ct)
    {
        var present = await scope.Select(value).Distinct().ToListAsync(ct);
        var inBucket = present.Where(v => bucketOf(v) == bucket).ToList();
        var values = new RawValues(inBucket.OfType<string>().ToList());
        Expression test = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
            Expression.Property(Expression.Constant(values), nameof(RawValues.Values)), value.Body);
        if (inBucket.Contains(null)) test = Expression.OrElse(Expression.Equal(value.Body, Expression.Constant(null, typeof(string))), test);
        return query.Where(Expression.Lambda<Func<ReferralApplication, bool>>(test, value.Parameters));
    }

    // Read through a property so the database is sent the values as a parameter, not as text inside the statement.
    private sealed record RawValues(List<string> Values);
}
