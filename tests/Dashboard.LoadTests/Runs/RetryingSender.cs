using System.Diagnostics;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Traffic;
using HdrHistogram;

namespace Dashboard.LoadTests.Runs;

/// <summary>How the drill's senders retry what was not acknowledged, as the real senders do: backing off, then giving up.</summary>
public static class RetryingSender
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan FirstRetryAfter = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(8);

    /// <summary>Half a second before the second attempt, doubling up to eight seconds.</summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(LongestRetryAfter.TotalMilliseconds, FirstRetryAfter.TotalMilliseconds * Math.Pow(2, attempt - 2)));

    public static LoadResult NewResult(long scheduled = 0) =>
        new(new LongConcurrentHistogram(1, TimeSpan.FromMinutes(2).Ticks / 10, 3)) { Scheduled = scheduled };

    public static async Task UntilAcknowledgedAsync(OpenLoopSender sender, LoadRequest request, Stopwatch clock, LoadResult result)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await sender.SendOneAsync(request, clock.ElapsedTicks, clock, result, acks: null) is >= 200 and < 300) return;
            if (attempt == MaxAttempts) throw new InvalidOperationException($"The single instance did not acknowledge a {request.Provider} delivery in {MaxAttempts} attempts");
            await Task.Delay(Backoff(attempt + 1));
        }
    }
}
