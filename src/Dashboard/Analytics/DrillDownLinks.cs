namespace Dashboard.Analytics;

/// <summary>
/// Where a drill-down's CSV comes from: the JSON API's own list with the same filter, selection and page as shown,
/// so the file holds exactly the rows on screen.
/// </summary>
public static class DrillDownLinks
{
    public static string CandidatesCsv(AnalyticsFilter filter, string? stage, int page, int pageSize) =>
        Csv("candidates", filter, [("stage", stage)], page, pageSize);

    public static string ReferralApplicationsCsv(AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize) =>
        Csv("referral-applications", filter,
            [("state", selection.State), ("type", selection.Type), ("rating", selection.Rating), ("reason", selection.CloseReason)], page, pageSize);

    private static string Csv(string endpoint, AnalyticsFilter filter, IEnumerable<(string Name, string? Value)> selection, int page, int pageSize)
    {
        var parts = new List<string>();
        var filterQuery = filter.ToQueryString();
        if (filterQuery.Length > 0) parts.Add(filterQuery);
        parts.AddRange(selection.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        parts.Add($"page={page}");
        parts.Add($"pageSize={pageSize}");
        parts.Add("format=csv");
        return $"api/analytics/{endpoint}?{string.Join('&', parts)}";
    }
}
