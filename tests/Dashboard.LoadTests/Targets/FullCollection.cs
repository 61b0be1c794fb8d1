using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Dashboard.LoadTests.Targets;

/// <summary>
/// Asks another .NET process for a full, blocking garbage collection, as a heap-dump tool does: the runtime collects
/// when a diagnostics session turns on its "GC heap collect" events. Memory read after it is what the process keeps,
/// not garbage it has not yet had a reason to collect.
/// </summary>
public static class FullCollection
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    /// <summary>Returns the bytes the managed heap holds after the collection: what is alive, not what the runtime keeps committed.</summary>
    public static async Task<long> RunAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 16, CancellationToken.None);
        long heapAfter = 0;
        var reading = Task.Run(() =>
        {
            using var events = new EventPipeEventSource(session.EventStream);
            // Each collection ends with the sizes of what survived it; the last one is the induced full collection.
            events.Clr.GCHeapStats += stats => heapAfter = stats.TotalHeapSize;
            events.Process();
        });
        // The collection runs as the session starts; a few seconds cover it and the heap's return of freed memory.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await session.StopAsync(CancellationToken.None);
        await reading;
        return heapAfter;
    }
}
