using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics;

/// <summary>A value a filter can take, with the text a person recognises it by.</summary>
public sealed record FilterOption(string Value, string Label);

public sealed record FilterOptions(
    IReadOnlyList<FilterOption> Vacancies,
    IReadOnlyList<FilterOption> Sources,
    IReadOnlyList<FilterOption> Consultants,
    IReadOnlyList<FilterOption> Locations)
{
    /// <summary>One row per option, named by the filter parameter it is a value of: the options as a table (CSV).</summary>
    public IReadOnlyList<FilterOptionRow> Rows() =>
    [
        .. Vacancies.Select(o => new FilterOptionRow("vacancy", o.Value, o.Label)),
        .. Sources.Select(o => new FilterOptionRow("source", o.Value, o.Label)),
        .. Consultants.Select(o => new FilterOptionRow("consultant", o.Value, o.Label)),
        .. Locations.Select(o => new FilterOptionRow("location", o.Value, o.Label)),
    ];
}

public sealed record FilterOptionRow(string Parameter, string Value, string Label);

/// <summary>The choices offered by the filter bar: every vacancy, source, consultant and place seen so far.</summary>
internal static class FilterOptionQueries
{
    public static async Task<FilterOptions> OptionsAsync(DashboardDbContext db, CancellationToken ct)
    {
        var vacancies = await VacanciesAsync(db, ct);
        var sources = await db.IdibuCandidates.AsNoTracking().Select(c => c.Source).Distinct().ToListAsync(ct);
        var consultants = await db.IdibuCandidates.AsNoTracking().Where(c => c.ConsultantId != null)
            .GroupBy(c => c.ConsultantId).Select(g => new { Id = g.Key!, Name = g.Max(c => c.ConsultantName) }).ToListAsync(ct);
        var ownPlaces = await db.IdibuCandidates.AsNoTracking().Where(c => c.Location != null).Select(c => c.Location!).Distinct().ToListAsync(ct);
        var vacancyPlaces = await db.IdibuVacancies.AsNoTracking()
            .Select(v => v.Location ?? v.Country).Where(p => p != null).Distinct().ToListAsync(ct);

        return new FilterOptions(
            vacancies,
            sources.Select(s => s ?? AnalyticsFilter.Unknown).Distinct().Order(StringComparer.OrdinalIgnoreCase)
                .Select(s => new FilterOption(s, s)).ToList(),
            consultants.Select(c => new FilterOption(c.Id, c.Name ?? c.Id)).OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            ownPlaces.Concat(vacancyPlaces.Select(p => p!)).Append(AnalyticsFilter.Unknown).Distinct()
                .Order(StringComparer.OrdinalIgnoreCase).Select(p => new FilterOption(p, p)).ToList());
    }

    /// <summary>The vacancy choices alone: the per-vacancy figures need them, not the scans of every candidate.</summary>
    public static async Task<IReadOnlyList<FilterOption>> VacanciesAsync(DashboardDbContext db, CancellationToken ct)
    {
        var vacancies = await db.IdibuVacancies.AsNoTracking()
            .Select(v => new { v.VacancyId, v.Title, v.Reference }).ToListAsync(ct);
        return vacancies.Select(v => new FilterOption(v.VacancyId, VacancyLabel(v.VacancyId, v.Title, v.Reference)))
            .OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static string VacancyLabel(string id, string? title, string? reference) =>
        (title, reference) switch
        {
            ({ } t, { } r) => $"{t} ({r})",
            ({ } t, null) => t,
            (null, { } r) => r,
            _ => $"Vacancy {id}",
        };
}
