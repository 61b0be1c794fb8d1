using System.Globalization;
using System.Net;
using System.Text;
using Dashboard.Analytics;
using Dashboard.Analytics.Pages;
using Dashboard.Messages.AgencyZone;
using Dashboard.Messages.Outbox;

namespace Dashboard.Messages.Digests;

/// <summary>
/// Writes one digest: the overview's headline figures for the view, each against the period before, as a table and a
/// chart, with a link to the view and a way out. The figures come from the same query service as the dashboard.
/// </summary>
public sealed class DigestComposer(IAnalyticsQueries queries, UnsubscribeLinks unsubscribe, PublicAddress address)
{
    public async Task<OutboxMessage> ComposeAsync(
        DigestSubscription subscription, string recipient, DateOnly day, DateTimeOffset at, TimeZoneInfo zone, CancellationToken ct)
    {
        var view = new DigestView(subscription.Page, subscription.Query);
        var filter = view.FilterFor(day, subscription.Cadence) with { Zone = zone };
        var previous = filter.PreviousPeriod();
        var figures = await queries.OverviewAsync(filter, previous, ct);
        IReadOnlyList<(string Name, Tile Tile)> tiles =
        [
            ("Candidates", figures.Candidates), ("Active vacancies", figures.ActiveVacancies), ("Placements", figures.Placements),
            ("Referrals", figures.Referrals), ("Referral hires", figures.Hires),
        ];
        var png = FiguresChart.Render([.. tiles.Select(t => new FiguresChart.Bar(t.Name, t.Tile.Value, t.Tile.Previous))]);
        var link = address.Absolute(view.Address);
        var unsubscribeUrl = unsubscribe.For(subscription.PublicId);
        var period = Period(filter);
        var facets = Facets(view.Dashboard);
        var sentAt = ZonedTime.Format(at, zone);

        return new OutboxMessage
        {
            Channel = OutboxChannel.Email,
            Purpose = "digest",
            About = subscription.Name,
            Recipient = recipient,
            Subject = $"{subscription.Name}: {period}",
            TextBody = Text(subscription, view, tiles, period, previous, facets, sentAt, link, unsubscribeUrl),
            HtmlBody = Html(subscription, view, tiles, period, previous, facets, sentAt, link, unsubscribeUrl),
            ChartPng = png,
            UnsubscribeUrl = unsubscribeUrl,
        };
    }

    private static string Text(DigestSubscription s, DigestView view, IReadOnlyList<(string Name, Tile Tile)> tiles, string period,
        AnalyticsFilter? previous, string? facets, string sentAt, string? link, string? unsubscribeUrl)
    {
        var text = new StringBuilder();
        text.AppendLine($"{s.Name} — {view.PageTitle}, {period}{(facets is null ? "" : $" ({facets})")}");
        if (previous is not null) text.AppendLine($"Against {Period(previous)}.");
        text.AppendLine();
        foreach (var (name, tile) in tiles)
            text.AppendLine($"{name}: {tile.Value.ToString("N0", CultureInfo.InvariantCulture)}{Before(tile, " (before: {0}, {1})")}");
        text.AppendLine();
        if (link is not null) text.AppendLine($"Open the view: {link}");
        text.AppendLine($"{s.Schedule.Describe()}, sent {sentAt}.");
        if (unsubscribeUrl is not null) text.AppendLine($"Stop this email: {unsubscribeUrl}");
        return text.ToString();
    }

    private static string Html(DigestSubscription s, DigestView view, IReadOnlyList<(string Name, Tile Tile)> tiles, string period,
        AnalyticsFilter? previous, string? facets, string sentAt, string? link, string? unsubscribeUrl)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family: Arial, sans-serif; color: #222\">");
        html.Append($"<h1 style=\"font-size: 20px\">{E(s.Name)}</h1>");
        html.Append($"<p>{E(view.PageTitle)}, {E(period)}{(facets is null ? "" : $" ({E(facets)})")}");
        if (previous is not null) html.Append($"<br>Against {E(Period(previous))}.");
        html.Append("</p><table style=\"border-collapse: collapse\" cellpadding=\"6\">");
        html.Append("<tr><th align=\"left\">Figure</th><th align=\"right\">This period</th><th align=\"right\">Before</th><th align=\"left\">Change</th></tr>");
        foreach (var (name, tile) in tiles)
        {
            html.Append($"<tr><td>{E(name)}</td><td align=\"right\"><strong>{tile.Value.ToString("N0", CultureInfo.InvariantCulture)}</strong></td>");
            html.Append($"<td align=\"right\">{tile.Previous?.ToString("N0", CultureInfo.InvariantCulture) ?? "–"}</td><td>{E(FigureCharts.Change(tile))}</td></tr>");
        }
        html.Append("</table>");
        html.Append($"<p><img src=\"cid:{MailSender.ChartContentId}\" alt=\"The figures above as bars, this period beside the one before\" width=\"640\" height=\"300\"></p>");
        if (link is not null) html.Append($"<p><a href=\"{E(link)}\">Open the view in the dashboard</a></p>");
        html.Append($"<p style=\"color: #555; font-size: 12px\">{E(s.Schedule.Describe())}, sent {E(sentAt)}.");
        if (unsubscribeUrl is not null) html.Append($" <a href=\"{E(unsubscribeUrl)}\">Unsubscribe from this email</a>");
        html.Append("</p></body></html>");
        return html.ToString();
    }

    private static string Before(Tile tile, string format) =>
        tile.Previous is { } before ? string.Format(CultureInfo.InvariantCulture, format, before.ToString("N0", CultureInfo.InvariantCulture), FigureCharts.Change(tile)) : "";

    /// <summary><c>30 Nov 2026</c>, <c>24 Nov – 30 Nov 2026</c>, <c>all time</c>.</summary>
    public static string Period(AnalyticsFilter filter) => (filter.From, filter.To) switch
    {
        ({ } from, { } to) when from == to => Day(to),
        ({ } from, { } to) => $"{from.ToString("d MMM", CultureInfo.InvariantCulture)} – {Day(to)}",
        ({ } from, null) => $"from {Day(from)}",
        (null, { } to) => $"until {Day(to)}",
        _ => "all time",
    };

    private static string Day(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string? Facets(DashboardView view)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null) parts.Add($"{name}: {value}");
        }
        Add("Vacancy", view.Vacancy);
        Add("Source", view.Source);
        Add("Consultant", view.Consultant);
        Add("Location", view.Location);
        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
