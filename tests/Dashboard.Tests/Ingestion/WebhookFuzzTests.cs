using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Dashboard.DeliveryLog;
using Dashboard.Projection;
using Dashboard.Senders;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;
using Dashboard.Tests.Builders;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Dashboard.Tests.Ingestion;

/// <summary>
/// Seeded random mutations of the fixture payloads, posted through the in-memory server. CI sends 2,000; set
/// <c>DASHBOARD_FUZZ_CASES=20000</c> for the full run, and <c>DASHBOARD_FUZZ_SEED</c> to explore other seeds (a
/// failure names its seed and case number: the same pair always rebuilds the same request).
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class WebhookFuzzTests(ResilienceApplication shared, ITestOutputHelper output) : IClassFixture<ResilienceApplication>
{
    private const int DefaultCases = 2_000;
    private const int DefaultSeed = 20_261_129;

    private static readonly string[] IdibuEventHeaders = ["candidate.update", "candidate-extend.update", "update.vacancy", "", "search.run"];
    private static readonly string?[] MediaTypes = ["text/plain", null, "application/x-www-form-urlencoded", "application/json; charset=utf-16"];

    private sealed record FuzzCase(int Index, string Provider, byte[] Body, HttpRequestMessage Request);

    private sealed record Sent(FuzzCase Case, HttpStatusCode Status, WebhookAnswerBody? Answer);

    [Fact]
    public async Task MutatedPayloadsNeverBreakTheReceiverOrStopTheProjector()
    {
        var cases = Setting("DASHBOARD_FUZZ_CASES", DefaultCases);
        var seed = Setting("DASHBOARD_FUZZ_SEED", DefaultSeed);
        var seeds = Seeds();
        var sent = new ConcurrentBag<Sent>();

        await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, ct) =>
        {
            var fuzz = Build(seed, index, seeds);
            using var response = await shared.Client.SendAsync(fuzz.Request, ct);
            var answer = response.StatusCode == HttpStatusCode.OK ? await response.AnswerAsync() : null;
            sent.Add(new Sent(fuzz, response.StatusCode, answer));
        });

        var accepted = sent.Count(s => s.Answer?.Status == "accepted");
        var quarantined = sent.Count(s => s.Answer?.Status == "quarantined");
        output.WriteLine($"seed {seed}: {cases} cases, {accepted} accepted, {quarantined} quarantined, {sent.Count(s => s.Answer?.Duplicate == true)} duplicates");
        // Mutations that break everything, or nothing, would test only one path.
        Assert.InRange(accepted, cases / 10, cases - cases / 10);

        var problems = new List<string>();
        foreach (var s in sent.OrderBy(s => s.Case.Index))
        {
            var tooLarge = s.Status == HttpStatusCode.RequestEntityTooLarge && s.Case.Body.Length > 1024 * 1024;
            if (s.Status != HttpStatusCode.OK && !tooLarge) problems.Add($"{Describe(seed, s.Case)} was answered {(int)s.Status}");
            else if (s.Answer is { Status: not ("accepted" or "quarantined") }) problems.Add($"{Describe(seed, s.Case)} was answered '{s.Answer.Status}'");
        }

        Assert.Equal(0, await shared.WaitUntilNothingWaitsAsync(TimeSpan.FromSeconds(cases / 20.0 + 30)));
        await using (var db = await shared.App.CreateDbContextAsync())
        {
            var watermark = await DeliveryStandings.WatermarkAsync(db, CancellationToken.None);
            var verdicts = (await db.Deliveries.AsNoTracking()
                .Select(d => new { d.Id, d.Status, d.StatusReason })
                .ToListAsync())
                .ToDictionary(d => d.Id, d => new { d.Id, Status = DeliveryStandings.ShownStatus(d.Status, d.Id, watermark), d.StatusReason });
            foreach (var s in sent.Where(s => s.Answer is { Duplicate: false }).OrderBy(s => s.Case.Index))
            {
                var stored = verdicts[s.Answer!.DeliveryId];
                var expected = s.Answer.Status == "accepted" ? DeliveryStatus.Projected : DeliveryStatus.Quarantined;
                if (stored.Status != expected)
                    problems.Add($"{Describe(seed, s.Case)} was answered {s.Answer.Status} but ended {stored.Status}: {stored.StatusReason}");
                else if (expected == DeliveryStatus.Quarantined && string.IsNullOrWhiteSpace(stored.StatusReason))
                    problems.Add($"{Describe(seed, s.Case)} was quarantined without a reason");
            }
        }

        if (problems.Count > 0 || shared.Errors().Count > 0)
        {
            // What the app said about it: a 503 names its cause only in a warning.
            var causes = shared.App.Log.Events.Where(e =>
                e.Level >= Serilog.Events.LogEventLevel.Warning && (e.Exception is not null || e.MessageTemplate.Text.Contains("could not")));
            foreach (var warning in causes.Take(40))
                output.WriteLine($"{warning.Level}: {warning.RenderMessage()} {warning.Exception?.GetType().Name}: {warning.Exception?.Message}");
        }
        problems.AddRange(shared.Errors().Select(e => $"error logged: {e.RenderMessage()} {e.Exception?.GetType().Name}: {e.Exception?.Message}"));
        Assert.True(problems.Count == 0, $"{problems.Count} problems; first ones:\n{string.Join("\n", problems.Take(20))}");
        await shared.AssertAFreshDeliveryIsProjectedAsync();
    }

    private static FuzzCase Build(int seed, int index, IReadOnlyList<(string Provider, byte[] Body)> seeds)
    {
        // Not HashCode.Combine: it is salted per process, and a case must rebuild the same in any run.
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var (provider, original) = seeds[random.Next(seeds.Count)];
        var body = new PayloadMutator(random).With(seeds.Select(s => s.Body).ToList()).Mutate(original);
        if (random.Next(20) == 0) provider = provider == IdibuSender.SenderName ? FirstbirdSender.SenderName : IdibuSender.SenderName;

        var key = provider == IdibuSender.SenderName ? DashboardApplication.IdibuKey : DashboardApplication.FirstbirdKey;
        var content = new ByteArrayContent(body);
        var mediaType = random.Next(10) == 0 ? MediaTypes[random.Next(MediaTypes.Length)] : "application/json";
        if (mediaType is not null) content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{provider}/{key}") { Content = content };
        if (provider == IdibuSender.SenderName)
        {
            request.Headers.Add("X-Idibu-Event", random.Next(4) == 0 ? IdibuEventHeaders[random.Next(IdibuEventHeaders.Length)] : "candidate.update");
            // Half carry a delivery id; the rest are told apart by their bodies, as idibu's own retries would be.
            if (random.Next(2) == 0) request.Headers.Add("X-Idibu-Delivery", $"fuzz-{seed}-{index}");
        }
        return new FuzzCase(index, provider, body, request);
    }

    /// <summary>Every fixture payload, and builder-made ones in today's shapes.</summary>
    private static List<(string Provider, byte[] Body)> Seeds()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var seeds = new List<(string, byte[])>();
        foreach (var provider in SenderRegistry.Names)
        {
            var folder = Path.Combine(fixtures, provider == IdibuSender.SenderName ? "Idibu" : "Firstbird");
            seeds.AddRange(Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(file => (provider, File.ReadAllBytes(file))));
        }
        seeds.Add((IdibuSender.SenderName, new IdibuCandidateBuilder().OnVacancy("v1", "11", "Applicants").OnVacancy("v2", "240", "Interview", "extra").LivingIn("Leeds", "GB").Build()));
        seeds.Add((IdibuSender.SenderName, new IdibuVacancyBuilder().Build()));
        seeds.Add((FirstbirdSender.SenderName, new FirstbirdBatchBuilder()
            .Received("fz-1", "2026-03-01 10:00:00.000Z").Rated("fz-1", "2026-03-02 10:00:00.000Z", "A")
            .Hired("fz-1", "2026-03-03 10:00:00.000Z", true).Feedback("fz-1", "2026-03-04 10:00:00.000Z", "r-1", "POSITIVE").Build()));
        return seeds;
    }

    private static string Describe(int seed, FuzzCase fuzz) =>
        $"seed {seed} case {fuzz.Index} ({fuzz.Provider}, {fuzz.Body.Length} bytes: {Convert.ToBase64String(fuzz.Body[..Math.Min(fuzz.Body.Length, 120)])})";

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
