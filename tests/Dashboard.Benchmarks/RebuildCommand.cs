namespace Dashboard.Benchmarks;

/// <summary><c>rebuild --store FILE</c>: drops the read model of a built store and projects every delivery again.</summary>
public static class RebuildCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        await using var store = await BenchStore.OpenAsync(options.RequiredText("store"));
        await ReadModelProjection.ResetAsync(store);
        await ReadModelProjection.ProjectAndReportAsync(store);
        return 0;
    }
}
