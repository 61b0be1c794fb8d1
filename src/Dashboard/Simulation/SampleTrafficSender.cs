using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Dashboard.Simulation;

/// <summary>How a run of sample traffic was answered.</summary>
public sealed record SendReport(int Sent, int Accepted, int Duplicates, int Quarantined, int Failed)
{
    public int Answered => Accepted + Duplicates + Quarantined;
}

/// <summary>Posts sample deliveries through the real webhook endpoints, as the senders would, retrying a 503.</summary>
public sealed class SampleTrafficSender(HttpClient client)
{
    private const int MaxAttempts = 5;

    public async Task<SendReport> SendAsync(
        SampleTraffic traffic, string idibuKey, string firstbirdKey, int concurrency, CancellationToken cancellationToken,
        IProgress<int>? progress = null)
    {
        int accepted = 0, duplicates = 0, quarantined = 0, failed = 0, done = 0;
        await Parallel.ForEachAsync(traffic.Deliveries,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (delivery, ct) =>
            {
                var key = delivery.Provider == "idibu" ? idibuKey : firstbirdKey;
                var answer = await PostAsync(delivery, key, ct);
                switch (answer)
                {
                    case null: Interlocked.Increment(ref failed); break;
                    case { Duplicate: true }: Interlocked.Increment(ref duplicates); break;
                    case { Status: "quarantined" }: Interlocked.Increment(ref quarantined); break;
                    default: Interlocked.Increment(ref accepted); break;
                }
                progress?.Report(Interlocked.Increment(ref done));
            });
        return new SendReport(traffic.Deliveries.Count, accepted, duplicates, quarantined, failed);
    }

    private async Task<Answer?> PostAsync(SampleDelivery delivery, string key, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/{delivery.Provider}/{Uri.EscapeDataString(key)}")
            {
                Content = new ByteArrayContent(delivery.Body),
            };
            foreach (var (name, value) in delivery.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                else
                    request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await client.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < MaxAttempts)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                await Task.Delay(wait > TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : wait, ct);
                continue;
            }
            if (!response.IsSuccessStatusCode) return null;
            return await JsonSerializer.DeserializeAsync<Answer>(await response.Content.ReadAsStreamAsync(ct), JsonSerializerOptions.Web, ct);
        }
        return null;
    }

    private sealed record Answer(long DeliveryId, bool Duplicate, string Status);
}
