using System.Collections.Concurrent;
using System.Diagnostics;
using Dashboard.LoadTests.Client;
using Dashboard.LoadTests.Targets;
using Dashboard.LoadTests.Traffic;
using static Dashboard.LoadTests.Runs.RetryingSender;

namespace Dashboard.LoadTests.Runs;

/// <summary>What the two-instance sender did: its clock, its requests, and who acknowledged what.</summary>
public sealed record TwoInstanceSending(
    Stopwatch Clock, TimeSpan SendingEnded, long Requests, long ByA, long ByB, long ByBoth, long AAfterKill,
    IReadOnlyDictionary<string, int> SentCopies, IReadOnlyDictionary<string, int> AcknowledgedCopies);

/// <summary>
/// Sends the drill's traffic open-loop to A and B: a fifth of the deliveries to both at once, the rest in turn; kills
/// B halfway and sends everything to A from then on, retrying to A whatever got no acknowledgement.
/// </summary>
public static class TwoInstanceSender
{
    private const double BothShare = 0.2;

    // A sender keeps retrying what was not acknowledged; this one gives up this long after the delivery was due.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);

    // As many requests as the open-loop sender keeps open at once; beyond that a request waits for a free slot (its
    // latency still counts from when it was due), where the sender of the other runs would count it as not sent.
    private const int MaxInFlight = 4096;

    private enum Route { A, B, Both }

    public static async Task<TwoInstanceSending> SendAsync(
        string folder, IReadOnlyList<LoadRequest> traffic, double rate, int seed, TargetProcess a, TargetProcess b, TextWriter log)
    {
        var random = new Random(seed);
        var killAt = traffic.Count / 2;
        var (beforeKill, afterKill, toB, retries) = (NewResult(), NewResult(), NewResult(), NewResult());
        var sent = new ConcurrentDictionary<string, int>();
        var acknowledgedCopies = new ConcurrentDictionary<string, int>();
        var acknowledgedBy = new ConcurrentDictionary<string, int>(); // bit 1: A, bit 2: B
        long killedAt = long.MaxValue, aAfterKill = 0, requests = 0, failedForGood = 0;

        await using var acksA = new AckLog(Path.Combine(folder, "instance-a.acks"));
        await using var acksB = new AckLog(Path.Combine(folder, "instance-b.acks"));
        using var senderA = new OpenLoopSender(Launch.LoadTargetFor(a));
        using var senderB = new OpenLoopSender(Launch.LoadTargetFor(b));
        var clock = Stopwatch.StartNew();
        var ticksPerRequest = Stopwatch.Frequency / rate;
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        long waitedForSlot = 0;

        async Task<bool> OnceAsync(LoadRequest request, bool toA, long dueTicks, LoadResult result)
        {
            var key = DeliveryIdentity.Of(request);
            sent.AddOrUpdate(key, 1, (_, n) => n + 1);
            Interlocked.Increment(ref requests);
            lock (result) result.Scheduled++;
            if (!inFlight.Wait(0))
            {
                Interlocked.Increment(ref waitedForSlot);
                await inFlight.WaitAsync();
            }
            int? status;
            try
            {
                status = toA
                    ? await senderA.SendOneAsync(request, dueTicks, clock, result, acksA,
                        ack => { if (ack.Timestamp > Interlocked.Read(ref killedAt)) Interlocked.Increment(ref aAfterKill); })
                    : await senderB.SendOneAsync(request, dueTicks, clock, result, acksB);
            }
            finally
            {
                inFlight.Release();
            }
            if (status is not (>= 200 and < 300)) return false;
            acknowledgedCopies.AddOrUpdate(key, 1, (_, n) => n + 1);
            acknowledgedBy.AddOrUpdate(key, toA ? 1 : 2, (_, bits) => bits | (toA ? 1 : 2));
            return true;
        }

        async Task DeliverAsync(LoadRequest request, Route route, long dueTicks, bool sentAfterKill)
        {
            var resultA = sentAfterKill ? afterKill : beforeKill;
            var copies = route switch
            {
                Route.A => [OnceAsync(request, true, dueTicks, resultA)],
                Route.B => [OnceAsync(request, false, dueTicks, toB)],
                _ => new[] { OnceAsync(request, true, dueTicks, resultA), OnceAsync(request, false, dueTicks, toB) },
            };
            var answered = await Task.WhenAll(copies);
            // Each request that got no acknowledgement is sent again to A, which is alive, backing off as a sender does.
            foreach (var _ in answered.Where(ok => !ok))
            {
                var done = false;
                var giveUpAt = dueTicks + (long)(GiveUpAfter.TotalSeconds * Stopwatch.Frequency);
                for (var attempt = 2; !done && clock.ElapsedTicks < giveUpAt; attempt++)
                {
                    await Task.Delay(Backoff(attempt));
                    done = await OnceAsync(request, true, clock.ElapsedTicks, retries);
                }
                if (!done) Interlocked.Increment(ref failedForGood);
            }
        }

        // A fresh process spends its first seconds compiling its hot paths; the first deliveries of the traffic go to A
        // and B in turn, a few at a time, until each is answered, before the open loop starts.
        var warmUpCount = Math.Min(200, traffic.Count / 20);
        var warmUp = NewResult();
        await Parallel.ForEachAsync(Enumerable.Range(0, warmUpCount), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            for (var attempt = 1; !await OnceAsync(traffic[i], i % 2 == 0, clock.ElapsedTicks, warmUp) && attempt < MaxAttempts; attempt++)
                await Task.Delay(Backoff(attempt + 1));
        });
        warmUp.Elapsed = clock.Elapsed;
        log.WriteLine($"warm-up: the first {warmUpCount} deliveries to A and B in turn, 4 in flight: {warmUp.Summary()}");
        var openLoopFrom = clock.ElapsedTicks;

        var deliveries = new List<Task>(traffic.Count);
        Task killing = Task.CompletedTask;
        var single = 0;
        for (var i = warmUpCount; i < traffic.Count; i++)
        {
            var due = openLoopFrom + (long)((i - warmUpCount) * ticksPerRequest);
            var wait = due - clock.ElapsedTicks;
            if (wait > Stopwatch.Frequency / 1000) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            if (i == killAt)
            {
                killing = KillAsync(b, () => Interlocked.Exchange(ref killedAt, Stopwatch.GetTimestamp()));
                log.WriteLine($"B killed with SIGKILL after {(clock.ElapsedTicks - openLoopFrom) / (double)Stopwatch.Frequency:F1} s of sending (delivery {i:N0} of {traffic.Count:N0}); everything goes to A from now on");
            }
            var route = i >= killAt ? Route.A : random.NextDouble() < BothShare ? Route.Both : single++ % 2 == 0 ? Route.A : Route.B;
            deliveries.Add(DeliverAsync(traffic[i], route, due, i >= killAt));
        }
        var sendingDone = clock.Elapsed - TimeSpan.FromSeconds((double)openLoopFrom / Stopwatch.Frequency);
        await Task.WhenAll(deliveries);
        await killing;
        var answersDone = clock.Elapsed - TimeSpan.FromSeconds((double)openLoopFrom / Stopwatch.Frequency);

        var killSeconds = (double)(killAt - warmUpCount) / rate;
        beforeKill.Elapsed = toB.Elapsed = TimeSpan.FromSeconds(killSeconds);
        afterKill.Elapsed = retries.Elapsed = answersDone - TimeSpan.FromSeconds(killSeconds);
        var byA = acknowledgedBy.Count(x => (x.Value & 1) != 0);
        var byB = acknowledgedBy.Count(x => (x.Value & 2) != 0);
        var byBoth = acknowledgedBy.Count(x => x.Value == 3);
        log.WriteLine($"open loop: sent {traffic.Count - warmUpCount:N0} deliveries in {sendingDone.TotalSeconds:F1} s; {requests:N0} requests in all; last answer after {answersDone.TotalSeconds:F1} s");
        log.WriteLine($"  A before the kill (first attempts): {beforeKill.Summary()}");
        log.WriteLine($"  B before the kill (first attempts): {toB.Summary()}");
        log.WriteLine($"  A after the kill (first attempts): {afterKill.Summary()}");
        log.WriteLine($"  retries to A of unacknowledged requests: {retries.Summary()}");
        log.WriteLine($"  distinct deliveries acknowledged by A {byA:N0}, by B {byB:N0}, by both {byBoth:N0}; A acknowledgements after B died: {aAfterKill:N0}; " +
                      $"given up {GiveUpAfter.TotalMinutes:F0} min after they were due: {failedForGood:N0}; requests that waited for one of the {MaxInFlight:N0} slots: {waitedForSlot:N0}");
        return new TwoInstanceSending(clock, clock.Elapsed, requests, byA, byB, byBoth, aAfterKill, sent, acknowledgedCopies);
    }

    private static async Task KillAsync(TargetProcess target, Action killed)
    {
        await target.KillAsync();
        killed();
    }
}
