using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

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

    public static async Task RunAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword);
        using var session = await client.StartEventPipeSessionAsync([provider], requestRundown: false, circularBufferMB: 16, CancellationToken.None);
        var draining = session.EventStream.CopyToAsync(Stream.Null);
        // The collection runs as the session starts; a few seconds cover it and the heap's return of freed memory.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await session.StopAsync(CancellationToken.None);
        await draining;
    }
}
