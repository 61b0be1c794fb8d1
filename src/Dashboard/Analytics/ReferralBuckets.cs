using System.Text;

namespace Dashboard.Analytics;

/// <summary>
/// What a chart calls a firstbird enumeration value. A sender can put any text in these fields; a chart shows only
/// the values firstbird documents (matched without regard to letter case), one "Other" bucket for anything else, and
/// a fixed word where the field was left out. The value as sent stays in the read model and in the drill-down lists.
/// See docs/referral-outcomes.md.
/// </summary>
public static class ReferralBuckets
{
    public const string Other = "Other";
    public const string NoType = "unknown";
    public const string Unspecified = "UNSPECIFIED";

    public static readonly IReadOnlyList<string> Types = ["referral", "link", "share", "application"];
    public static readonly IReadOnlyList<string> Ratings = ["A", "B", "C"];
    public static readonly IReadOnlyList<string> CloseReasons =
        ["CANDIDATE_KNOWN", "CANDIDATE_REJECTED", "CANDIDATE_WITHDRAWN", "CANDIDATE_EVIDENCE", "APPLICATION_INVALID"];
    public static readonly IReadOnlyList<string> FeedbackTypes = ["POSITIVE", "NEUTRAL", "NEGATIVE"];

    /// <summary>Every bucket of a drill-down field, by its query parameter.</summary>
    public static readonly IReadOnlyList<string> TypeBuckets = [.. Types, NoType, Other];
    public static readonly IReadOnlyList<string> RatingBuckets = [.. Ratings, Other];
    public static readonly IReadOnlyList<string> CloseReasonBuckets = [.. CloseReasons, Unspecified, Other];

    /// <summary>How an application came in; the 2016 documents call an application from a user <c>user</c>.</summary>
    public static string TypeOf(string? raw) => raw is null ? NoType
        : Known(raw, Types) ?? (Same(raw, "user") ? "application" : Other);

    /// <summary>A grade; null when the application has none.</summary>
    public static string? RatingOf(string? raw) => raw is null ? null : Known(raw, Ratings) ?? Other;

    /// <summary>
    /// Why an application was closed. The REST API answers <c>CANDIDATE_ACCEPTED</c> when no reason was given, so it
    /// means the same as no reason.
    /// </summary>
    public static string CloseReasonOf(string? raw) => raw is null || Same(raw, "CANDIDATE_ACCEPTED") ? Unspecified
        : Known(raw, CloseReasons) ?? Other;

    /// <summary>A talent scout's feedback; the REST API calls positive feedback <c>REFERRAL</c>.</summary>
    public static string? FeedbackOf(string? raw) => raw is null ? null
        : Known(raw, FeedbackTypes) ?? (Same(raw, "REFERRAL") ? "POSITIVE" : Other);

    private static string? Known(string raw, IReadOnlyList<string> known) => known.FirstOrDefault(k => Same(raw, k));

    // ASCII letters only: no look-alike letter from another script makes a value pass for a documented one.
    private static bool Same(string raw, string known) => Ascii.EqualsIgnoreCase(raw, known);
}
