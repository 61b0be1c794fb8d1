using Dashboard.Moving;
using Dashboard.Simulation;
using Dashboard.Storage;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Tests.Moving;

/// <summary>What the move tests share: stores as the command would open them, sample traffic, and the API's answers.</summary>
internal static class MoveTestSupport
{
    /// <summary>Every analytics endpoint, without a filter and with a date range inside the sample traffic's eight weeks.</summary>
    public static readonly IReadOnlyList<string> AnalyticsPaths = BuildPaths();

    private static List<string> BuildPaths()
    {
        string[] figures =
        [
            "sources", "locations", "consultants", "funnel", "referrals", "quality", "overview", "funnel-timings", "vacancy-funnels",
            "candidates-over-time", "referrals-over-time", "quality-over-time", "candidates", "candidates?stage=Interview",
            "referral-applications", "referral-applications?state=hired",
        ];
        var paths = new List<string>();
        foreach (var figure in figures)
        {
            paths.Add($"/api/analytics/{figure}");
            paths.Add($"/api/analytics/{figure}{(figure.Contains('?') ? '&' : '?')}from=2026-01-19&to=2026-02-15");
        }
        paths.Add("/api/analytics/sources?format=csv");
        paths.Add("/api/analytics/funnel?format=csv&from=2026-01-19&to=2026-02-15");
        paths.Add("/api/deliveries");
        paths.Add("/api/deliveries?page=2");
        return paths;
    }

    public static OpenedStore Endpoint(TestDatabase database) =>
        new(StorageOptions.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["ConnectionStrings:Dashboard"] = database.ConnectionString,
        }).Build(), database.Folder));

    public static async Task SendAsync(DashboardApplication app, IReadOnlyList<SampleDelivery> deliveries)
    {
        var report = await new SampleTrafficSender(app.CreateClient()).SendAsync(
            new SampleTraffic(deliveries, null!), DashboardApplication.IdibuKey, DashboardApplication.FirstbirdKey, 2, CancellationToken.None);
        Assert.Equal(0, report.Failed);
        await app.ProjectAsync();
    }

    /// <summary>The API's answer to every path, as text: a moved store must answer byte for byte the same.</summary>
    public static async Task<Dictionary<string, string>> AnswersAsync(DashboardApplication app)
    {
        var api = app.CreateApiClient();
        var answers = new Dictionary<string, string>();
        foreach (var path in AnalyticsPaths)
        {
            using var response = await api.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
            answers[path] = await response.Content.ReadAsStringAsync();
        }
        return answers;
    }

    public static void AssertSameAnswers(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var differing = expected.Keys.Where(path => expected[path] != actual.GetValueOrDefault(path)).ToList();
        Assert.True(differing.Count == 0, "answers differ for " + string.Join(", ", differing) +
            (differing.Count > 0 ? $"\nexpected {Clip(expected[differing[0]])}\nactual   {Clip(actual.GetValueOrDefault(differing[0]) ?? "")}" : ""));
    }

    /// <summary>
    /// The delivery log's answers as PostgreSQL can hold them: it keeps instants to the microsecond, .NET and SQLite to
    /// 100 ns, so a store moved to PostgreSQL loses the seventh decimal of each arrival time and nothing else.
    /// </summary>
    public static Dictionary<string, string> WithMicrosecondInstants(IReadOnlyDictionary<string, string> answers) =>
        answers.ToDictionary(a => a.Key, a => a.Key.StartsWith("/api/deliveries", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(a.Value, @"(T\d{2}:\d{2}:\d{2})\.(\d{1,7})Z", m =>
            {
                var digits = m.Groups[2].Value.PadRight(7, '0')[..6].TrimEnd('0');
                return m.Groups[1].Value + (digits.Length > 0 ? "." + digits : "") + "Z";
            })
            : a.Value);

    private static string Clip(string text) => text.Length <= 1500 ? text : text[..1500];
}
