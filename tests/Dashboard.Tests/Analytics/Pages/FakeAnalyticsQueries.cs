using Dashboard.Analytics;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>What the fake answers: never (still loading), nothing, figures, or an error.</summary>
public enum FakeAnswer
{
    Loading,
    Empty,
    Data,
    Error,
}

/// <summary>The query service as a page sees it, answering as told, so every state of a page can be rendered.</summary>
public class FakeAnalyticsQueries(FakeAnswer answer) : IAnalyticsQueries
{
    public virtual Task<IReadOnlyList<SourceFigure>> SourcesAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Answer<IReadOnlyList<SourceFigure>>([], [new("LinkedIn", 12, 3), new("Indeed", 7, 1)]);

    public Task<IReadOnlyList<LocationFigure>> LocationsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Answer<IReadOnlyList<LocationFigure>>([], [new("London", 9, 2), new("Unknown", 3, 0)]);

    public Task<IReadOnlyList<ConsultantFigure>> ConsultantsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Answer<IReadOnlyList<ConsultantFigure>>([], [new("456", "Tim Parker", 5, 1)]);

    public Task<FunnelFigures> FunnelAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Answer(new FunnelFigures([new("Applied", 0, 0), new("Placed", 0, 0)], 0),
            new FunnelFigures([new("Applied", 10, 4), new("Placed", 3, 3)], 2));

    public Task<OverviewFigures> OverviewAsync(AnalyticsFilter filter, AnalyticsFilter? previous, CancellationToken ct = default) =>
        Answer(new OverviewFigures(new(0, 0), new(0, null), new(0, 0), new(0, 0), new(0, 0)),
            new OverviewFigures(new(40, 20), new(8, null), new(6, 6), new(11, 9), new(2, 1)));

    public Task<FunnelTimings> FunnelTimingsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Answer(new FunnelTimings([], null, 0), new FunnelTimings([new("Applied", 4.5, 3)], 12.5, 3));

    public virtual Task<IReadOnlyList<VacancyFunnel>> VacancyFunnelsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Answer<IReadOnlyList<VacancyFunnel>>([], [new("v1", "Nurse (NU-06)", [10, 3], 2)]);

    public Task<TimeSeries> CandidatesOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) => Series("LinkedIn");

    public Task<TimeSeries> ReferralsOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) => Series("referral");

    public Task<TimeSeries> QualityOverTimeAsync(AnalyticsFilter filter, CancellationToken ct = default) => Series("Deliveries");

    public Task<ReferralFigures> ReferralsAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Answer(new ReferralFigures(0, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), 0, 0, 0,
                new Dictionary<string, int>(), null),
            new ReferralFigures(11, new Dictionary<string, int> { ["referral"] = 11 }, new Dictionary<string, int> { ["A"] = 4 },
                new Dictionary<string, int> { ["UNSPECIFIED"] = 1 }, 2, 1, 0, new Dictionary<string, int> { ["POSITIVE"] = 2 }, 9.5));

    public Task<QualityFigures> QualityAsync(AnalyticsFilter filter, CancellationToken ct = default) =>
        Answer(new QualityFigures(0, 0, 0, 0, 0), new QualityFigures(120, 4, 1, 2, 3));

    public Task<RowPage<CandidateRow>> CandidatesAsync(AnalyticsFilter filter, string? reachedStage, int page, int pageSize, CancellationToken ct = default) =>
        Answer(new RowPage<CandidateRow>([], page, pageSize, 0), new RowPage<CandidateRow>(
            [new("c 7/8", "Jess Quincy", "LinkedIn", "Tim Parker", new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), false)], page, pageSize, 1));

    public Task<RowPage<ReferralRow>> ReferralApplicationsAsync(
        AnalyticsFilter filter, ReferralSelection selection, int page, int pageSize, CancellationToken ct = default) =>
        Answer(new RowPage<ReferralRow>([], page, pageSize, 0), new RowPage<ReferralRow>(
            [new("a6", "Ann Lee", "Backend Engineer", "application", new DateTime(2026, 3, 6, 9, 0, 0, DateTimeKind.Utc), "closed", "Z", "<b>X</b>",
                ["POSITIVE"], null)], page, pageSize, 1));

    public Task<FilterOptions> FilterOptionsAsync(CancellationToken ct = default) =>
        Task.FromResult(new FilterOptions([new("v1", "Nurse (NU-06)")], [new("LinkedIn", "LinkedIn")], [], [new("London", "London")]));

    private Task<TimeSeries> Series(string name) =>
        Answer(new TimeSeries([], []), new TimeSeries([new DateOnly(2026, 11, 16)], [new NamedSeries(name, [5])]));

    private Task<T> Answer<T>(T empty, T data) => answer switch
    {
        FakeAnswer.Loading => new TaskCompletionSource<T>().Task,
        FakeAnswer.Empty => Task.FromResult(empty),
        FakeAnswer.Data => Task.FromResult(data),
        _ => Task.FromException<T>(new InvalidOperationException("the store is down")),
    };
}
