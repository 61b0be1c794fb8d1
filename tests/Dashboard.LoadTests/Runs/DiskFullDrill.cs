using System.Net;
using System.Net.Http.Headers;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;

namespace Dashboard.LoadTests.Runs;

/// <summary>What the senders saw while the store's disk was full, and after space came back.</summary>
public sealed record DiskFullResult(
    int Acknowledged, int Refused503, int RefusedWithoutRetryAfter, IReadOnlyDictionary<int, int> OtherAnswers,
    IReadOnlyList<string> AcknowledgedButMissing, bool RecoveredWithoutRestart, string IntegrityCheck)
{
    public bool Passed => Refused503 > 0 && RefusedWithoutRetryAfter == 0 && OtherAnswers.Count == 0 && AcknowledgedButMissing.Count == 0
                          && RecoveredWithoutRestart && IntegrityCheck == "ok";
}

/// <summary>
/// Puts the store on a tiny disk, fills the disk while deliveries keep coming, then frees it: the senders must be
/// told 503 + Retry-After (never 2xx for a delivery that was not saved, never 500) and ingestion must come back
/// by itself.
/// </summary>
public static class DiskFullDrill
{
    public static async Task<DiskFullResult> RunAsync(string folder, TextWriter log)
    {
        var traffic = LoadTraffic.Idibu(6_000, duplicateShare: 0, lateShare: 0, seed: 11);
        await using var disk = await SmallDisk.MountAsync(Path.Combine(folder, "disk"), megabytes: 12);
        var database = Path.Combine(disk.Path, "store.db");
        var (app, _) = await Launch.StartAsync(TargetKind.App, folder, database);
        await using (app)
        {
            using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
            var target = Launch.LoadTargetFor(app);
            var acknowledged = new List<string>();
            int refused = 0, withoutRetryAfter = 0, next = 0;
            var other = new Dictionary<int, int>();

            await disk.FillLeavingAsync(leave: 256 * 1024);
            log.WriteLine($"disk filled: {disk.FreeBytes / 1024} KB free");
            // Send until the disk has refused a good run of deliveries in a row.
            for (var refusedInARow = 0; refusedInARow < 40 && next < traffic.Count; next++)
            {
                var (status, retryAfter) = await PostAsync(http, target, traffic[next]);
                if (status is >= 200 and < 300) { acknowledged.Add(Key(traffic[next])); refusedInARow = 0; }
                else if (status == 503) { refused++; refusedInARow++; if (!retryAfter) withoutRetryAfter++; }
                else other[status] = other.GetValueOrDefault(status) + 1;
            }
            log.WriteLine($"while full: {acknowledged.Count} acknowledged, {refused} refused with 503, other answers: {string.Join(", ", other)}");

            disk.Free();
            var recovered = false;
            for (var attempt = 0; attempt < 100 && !recovered; attempt++, next++)
            {
                var (status, _) = await PostAsync(http, target, traffic[next]);
                if (status is >= 200 and < 300) { acknowledged.Add(Key(traffic[next])); recovered = true; }
                else await Task.Delay(200);
            }
            log.WriteLine(recovered ? "space returned: ingestion recovered without a restart" : "space returned: ingestion did NOT recover");

            var stored = await StoreInspector.StoredBodiesAsync(database);
            var missing = acknowledged.Where(a => !stored.Contains(a)).ToList();
            await app.StopAsync(TimeSpan.FromSeconds(10));
            var integrity = await StoreInspector.IntegrityCheckAsync(database);
            return new DiskFullResult(acknowledged.Count, refused, withoutRetryAfter, other, missing, recovered, integrity);
        }
    }

    private static string Key(LoadRequest request) => $"{request.Provider}\t{request.BodySha256}";

    private static async Task<(int Status, bool RetryAfter)> PostAsync(HttpClient http, Client.LoadTarget target, LoadRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, target.PathFor(request.Provider)) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in request.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            message.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.SendAsync(message);
        return ((int)response.StatusCode, response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null);
    }
}
