using System.Security.Cryptography;
using System.Text.Json;
using Dashboard.Simulation;

namespace Dashboard.LoadTests.Traffic;

/// <summary>
/// Realistic request bodies for a load run, taken from the sample-traffic generator so the app parses and projects
/// exactly what the senders send, with the chosen share of re-sent deliveries and of snapshots arriving late.
/// </summary>
public static class LoadTraffic
{
    /// <summary>At least <paramref name="count"/> idibu deliveries (candidates and vacancies), in sending order.</summary>
    public static IReadOnlyList<LoadRequest> Idibu(int count, double duplicateShare, double lateShare, int seed = 7)
    {
        // Generated in slices of a few thousand candidates with their own numbers: the generator's late and duplicate
        // shuffles grow with the square of a run, and a minute of load needs a hundred thousand candidates.
        const int SliceCandidates = 5_000;
        var requests = new List<LoadRequest>(count);
        for (var slice = 0; requests.Count < count; slice++)
        {
            var options = new SampleTrafficOptions
            {
                Candidates = SliceCandidates, Seed = seed + slice, FirstNumber = 1 + slice * SliceCandidates,
                DuplicateShare = duplicateShare, LateShare = lateShare, Referrals = 1,
            };
            requests.AddRange(From(SampleTrafficGenerator.Generate(options), "idibu"));
        }
        return requests.Take(count).ToList();
    }

    /// <summary>At least <paramref name="count"/> firstbird batches of <paramref name="batchSize"/> events each.</summary>
    public static IReadOnlyList<LoadRequest> FirstbirdBatches(int count, int batchSize, double duplicateShare, int seed = 7)
    {
        // A generated referral yields about three events.
        var options = new SampleTrafficOptions
        {
            Candidates = 1, Seed = seed, DuplicateShare = duplicateShare, LateShare = 0,
            Referrals = count * batchSize / 3 + batchSize, FirstbirdBatchSize = batchSize,
        };
        var requests = From(SampleTrafficGenerator.Generate(options), "firstbird");
        while (requests.Count < count)
        {
            options = options with { Referrals = options.Referrals * 2 };
            requests = From(SampleTrafficGenerator.Generate(options), "firstbird");
        }
        return requests.Take(count).ToList();
    }

    /// <summary>Both senders as the generator interleaves them (firstbird batches of one to ten events).</summary>
    public static IReadOnlyList<LoadRequest> Mixed(int candidates, double duplicateShare, double lateShare, int seed = 7)
    {
        const int SliceCandidates = 5_000;
        var requests = new List<LoadRequest>();
        for (var first = 0; first < candidates; first += SliceCandidates)
        {
            var options = new SampleTrafficOptions
            {
                Candidates = Math.Min(SliceCandidates, candidates - first), Seed = seed + first, FirstNumber = 1 + first,
                DuplicateShare = duplicateShare, LateShare = lateShare,
            };
            requests.AddRange(SampleTrafficGenerator.Generate(options).Deliveries.Select(ToRequest));
        }
        return requests;
    }

    private static LoadRequest ToRequest(SampleDelivery d) =>
        new(d.Provider, d.Body, d.Headers, Convert.ToHexStringLower(SHA256.HashData(d.Body)), EventsIn(d), d.IsDuplicate);

    private static List<LoadRequest> From(SampleTraffic traffic, string provider) =>
        traffic.Deliveries.Where(d => d.Provider == provider).Select(ToRequest).ToList();

    private static int EventsIn(SampleDelivery delivery)
    {
        if (delivery.Provider != "firstbird") return 1;
        using var json = JsonDocument.Parse(delivery.Body);
        return json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.GetArrayLength() : 1;
    }
}
