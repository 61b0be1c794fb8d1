using System.Diagnostics;
using System.Net.Http.Headers;
using Dashboard.LoadTests.Traffic;
using HdrHistogram;

namespace Dashboard.LoadTests.Client;

/// <summary>
/// Sends requests at a fixed arrival rate whatever the target does (open loop), so a stall shows as latency instead
/// of quietly lowering the rate. Latency runs from when a request was due, not from when it could be sent.
/// </summary>
public sealed class OpenLoopSender(LoadTarget target, int maxInFlight = 4096) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        BaseAddress = target.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Sends <paramref name="requests"/> one after another at <paramref name="ratePerSecond"/>.</summary>
    public async Task<LoadResult> RunAsync(
        IReadOnlyList<LoadRequest> requests, double ratePerSecond, AckLog? acks, CancellationToken cancellationToken,
        Action<Acknowledgement>? acknowledged = null)
    {
        var result = new LoadResult(new LongConcurrentHistogram(1, TimeSpan.FromMinutes(2).Ticks / 10, 3)) { Scheduled = requests.Count };
        var inFlight = new List<Task>(requests.Count);
        var running = 0;
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = Stopwatch.Frequency / ratePerSecond;

        for (var i = 0; i < requests.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = (long)(i * ticksPerRequest);
            var wait = due - clock.ElapsedTicks;
            if (wait > Stopwatch.Frequency / 1000) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), CancellationToken.None);
            if (Volatile.Read(ref running) >= maxInFlight)
            {
                // The client cannot hold more open requests; count it instead of silently slowing the rate down.
                result.CountNotSent();
                continue;
            }
            Interlocked.Increment(ref running);
            inFlight.Add(SendOneAsync(requests[i], due, clock, result, acks, acknowledged).ContinueWith(_ => Interlocked.Decrement(ref running), TaskScheduler.Default));
        }
        await Task.WhenAll(inFlight);
        result.Elapsed = clock.Elapsed;
        return result;
    }

    /// <summary>
    /// Sends one request and counts its answer in <paramref name="result"/>, latency measured from
    /// <paramref name="dueTicks"/> on <paramref name="clock"/>; returns the HTTP status, or null when no answer came.
    /// A 2xx is returned only once its acknowledgement is on disk in <paramref name="acks"/>.
    /// </summary>
    public async Task<int?> SendOneAsync(
        LoadRequest request, long dueTicks, Stopwatch clock, LoadResult result, AckLog? acks, Action<Acknowledgement>? acknowledged = null)
    {
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, target.PathFor(request.Provider)) { Content = new ByteArrayContent(request.Body) };
            foreach (var (name, value) in request.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
                else message.Headers.TryAddWithoutValidation(name, value);
            }
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300 && acks is not null)
                await acks.AppendAsync($"{request.Provider}\t{request.BodySha256}");
            if (status is >= 200 and < 300 && acknowledged is not null)
                acknowledged(Acknowledgement.Read(Stopwatch.GetTimestamp(), DateTime.UtcNow, await response.Content.ReadAsByteArrayAsync()));
            var latencyMicros = Math.Max(1, (clock.ElapsedTicks - dueTicks) * 1_000_000 / Stopwatch.Frequency);
            result.LatencyMicros.RecordValue(latencyMicros);
            if (status == 503) result.CountRefusal(latencyMicros, response.Headers.RetryAfter is not null);
            result.CountAnswer(status, request.Events);
            return status;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            result.CountError();
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
