using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.LoadTests.Targets;

/// <summary>The app's JSON API as a harness reads it: every figure, and the rebuild an admin can start.</summary>
public sealed class DashboardApi : IDisposable
{
    public static readonly string[] Figures =
    [
        "sources", "locations", "consultants", "funnel", "referrals", "quality", "overview", "funnel-timings",
        "vacancy-funnels", "candidates-over-time", "referrals-over-time", "quality-over-time",
    ];

    private readonly HttpClient _http;

    public DashboardApi(Uri address, string apiToken)
    {
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiToken);
    }

    /// <summary>Every figure as the API answers it, by name; <paramref name="query"/> is a filter such as <c>from=…</c>.</summary>
    public async Task<SortedDictionary<string, string>> FiguresAsync(string query = "")
    {
        var answers = new SortedDictionary<string, string>();
        foreach (var figure in Figures)
            answers[figure] = await _http.GetStringAsync($"api/analytics/{figure}{(query.Length > 0 ? "?" + query : "")}");
        return answers;
    }

    /// <summary>Rebuilds the read model from the delivery log and waits until it is done.</summary>
    public async Task RebuildAsync(TimeSpan timeout)
    {
        using var start = await _http.PostAsync("api/admin/rebuild", null);
        start.EnsureSuccessStatusCode();
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            var progress = await _http.GetFromJsonAsync<JsonElement>("api/admin/rebuild");
            if (!progress.GetProperty("running").GetBoolean() && progress.GetProperty("remaining").GetInt32() == 0) return;
        }
        throw new TimeoutException("The rebuild did not finish in time");
    }

    public void Dispose() => _http.Dispose();
}
