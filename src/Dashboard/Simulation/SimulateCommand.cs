namespace Dashboard.Simulation;

/// <summary>
/// <c>simulate --url &lt;base url&gt; --candidates N [--seed S] [--idibu-key K] [--firstbird-key K] [--concurrency C]</c>:
/// fills a running app with sample traffic through its real webhook endpoints and prints what it sent.
/// </summary>
public static class SimulateCommand
{
    private const string Usage =
        "usage: simulate --url <base url> [--candidates 200] [--seed 1] [--idibu-key K] [--firstbird-key K] [--concurrency 4]\n" +
        "keys default to Webhooks:Idibu:Key and Webhooks:Firstbird:Key from the app's configuration.";

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        var options = ParseFlags(args);
        var url = options.GetValueOrDefault("url");
        var idibuKey = options.GetValueOrDefault("idibu-key") ?? configuration["Webhooks:Idibu:Key"];
        var firstbirdKey = options.GetValueOrDefault("firstbird-key") ?? configuration["Webhooks:Firstbird:Key"];
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || string.IsNullOrEmpty(idibuKey) || string.IsNullOrEmpty(firstbirdKey)
            || !int.TryParse(options.GetValueOrDefault("candidates", "200"), out var candidates) || candidates < 1
            || !int.TryParse(options.GetValueOrDefault("seed", "1"), out var seed)
            || !int.TryParse(options.GetValueOrDefault("concurrency", "4"), out var concurrency))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions
        {
            Candidates = candidates,
            Seed = seed,
            Start = DateTimeOffset.UtcNow.Date.AddDays(-56),
        });
        using var client = new HttpClient { BaseAddress = new Uri(baseUri.ToString().TrimEnd('/') + "/") };
        await output.WriteLineAsync($"Sending {traffic.Deliveries.Count} deliveries to {client.BaseAddress} …");
        var report = await new SampleTrafficSender(client).SendAsync(traffic, idibuKey, firstbirdKey, concurrency, ct);

        await output.WriteLineAsync(
            $"sent {report.Sent}: {report.Accepted} accepted, {report.Duplicates} duplicate, {report.Quarantined} quarantined, {report.Failed} failed");
        var truth = traffic.Truth;
        await output.WriteLineAsync($"candidates by source: {string.Join(", ", truth.CandidatesBySource.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
        await output.WriteLineAsync($"placed by source: {string.Join(", ", truth.PlacedBySource.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}");
        await output.WriteLineAsync($"funnel reached: {string.Join(", ", truth.FunnelReached.Select(p => $"{p.Key} {p.Value}"))}; currently rejected {truth.CurrentRejectedPairs}");
        await output.WriteLineAsync($"referrals: {truth.ReferralsReceived} received, {truth.ReferralsHired} hired ({truth.RewardEligibleHires} reward-eligible), {truth.ReferralsDeleted} deleted");
        return report.Failed == 0 ? 0 : 1;
    }

    private static Dictionary<string, string> ParseFlags(string[] args)
    {
        var flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var name = args[i][2..];
            var eq = name.IndexOf('=');
            if (eq > 0) flags[name[..eq]] = name[(eq + 1)..];
            else if (i + 1 < args.Length) flags[name] = args[++i];
        }
        return flags;
    }
}
