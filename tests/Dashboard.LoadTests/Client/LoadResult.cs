using HdrHistogram;

namespace Dashboard.LoadTests.Client;

/// <summary>What a load run saw: counts by answer, and ack latency measured from each request's scheduled time.</summary>
public sealed class LoadResult(HistogramBase latencyMicros)
{
    private long _acknowledged, _acknowledgedEvents, _non2xx, _errors, _notSent, _refusedWithoutRetryAfter;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, long> _byStatus = new();

    public HistogramBase LatencyMicros { get; } = latencyMicros;

    /// <summary>Latency of the 503 answers alone: a refusal is only useful to a sender when it comes at once.</summary>
    public HistogramBase RefusedMicros { get; } = new LongConcurrentHistogram(1, TimeSpan.FromMinutes(2).Ticks / 10, 3);
    public long Scheduled { get; set; }
    public TimeSpan Elapsed { get; set; }
    public long Acknowledged => Interlocked.Read(ref _acknowledged);
    public long AcknowledgedEvents => Interlocked.Read(ref _acknowledgedEvents);
    public long Non2xx => Interlocked.Read(ref _non2xx);
    public long Errors => Interlocked.Read(ref _errors);
    public long NotSent => Interlocked.Read(ref _notSent);
    public IReadOnlyDictionary<int, long> ByStatus => _byStatus;
    public long RefusedWithoutRetryAfter => Interlocked.Read(ref _refusedWithoutRetryAfter);

    public double AcknowledgedPerSecond => Elapsed.TotalSeconds > 0 ? Acknowledged / Elapsed.TotalSeconds : 0;
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? AcknowledgedEvents / Elapsed.TotalSeconds : 0;
    public bool AllAcknowledged => Acknowledged == Scheduled;

    public double PercentileMs(double percentile) => LatencyMicros.TotalCount == 0 ? 0 : LatencyMicros.GetValueAtPercentile(percentile) / 1000.0;
    public double MaxMs => LatencyMicros.TotalCount == 0 ? 0 : LatencyMicros.GetMaxValue() / 1000.0;

    internal void CountRefusal(long latencyMicros, bool retryAfter)
    {
        RefusedMicros.RecordValue(latencyMicros);
        if (!retryAfter) Interlocked.Increment(ref _refusedWithoutRetryAfter);
    }

    internal void CountAnswer(int status, int events)
    {
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _acknowledged);
            Interlocked.Add(ref _acknowledgedEvents, events);
        }
        else Interlocked.Increment(ref _non2xx);
    }

    /// <summary>What several senders, each to its own target at the same time, saw together.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> parts)
    {
        var combined = new LoadResult(parts[0].LatencyMicros.Copy());
        foreach (var part in parts.Skip(1)) combined.LatencyMicros.Add(part.LatencyMicros);
        foreach (var part in parts) combined.RefusedMicros.Add(part.RefusedMicros);
        foreach (var part in parts)
        {
            combined.Scheduled += part.Scheduled;
            combined._acknowledged += part.Acknowledged;
            combined._acknowledgedEvents += part.AcknowledgedEvents;
            combined._non2xx += part.Non2xx;
            combined._errors += part.Errors;
            combined._notSent += part.NotSent;
            combined._refusedWithoutRetryAfter += part.RefusedWithoutRetryAfter;
            foreach (var (status, count) in part.ByStatus) combined._byStatus.AddOrUpdate(status, count, (_, n) => n + count);
        }
        combined.Elapsed = parts.Max(p => p.Elapsed);
        return combined;
    }

    internal void CountError() => Interlocked.Increment(ref _errors);
    internal void CountNotSent() => Interlocked.Increment(ref _notSent);

    public string Summary() =>
        $"{Acknowledged:N0}/{Scheduled:N0} acknowledged in {Elapsed.TotalSeconds:F1} s ({AcknowledgedPerSecond:N0}/s, {EventsPerSecond:N0} events/s); " +
        $"non-2xx {Non2xx:N0} [{string.Join(", ", ByStatus.Where(s => s.Key is < 200 or >= 300).Select(s => $"{s.Key}: {s.Value}"))}], " +
        $"errors {Errors:N0}, not sent {NotSent:N0}; latency ms p50 {PercentileMs(50):F1}, p99 {PercentileMs(99):F1}, " +
        $"p99.9 {PercentileMs(99.9):F1}, max {MaxMs:F1}" +
        (RefusedMicros.TotalCount == 0 ? "" :
            $"; 503 answers p50 {RefusedMicros.GetValueAtPercentile(50) / 1000.0:F1}, p99 {RefusedMicros.GetValueAtPercentile(99) / 1000.0:F1} ms, " +
            $"{RefusedWithoutRetryAfter:N0} without Retry-After");
}
