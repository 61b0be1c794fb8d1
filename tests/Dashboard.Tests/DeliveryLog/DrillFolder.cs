namespace Dashboard.Tests.DeliveryLog;

/// <summary>A temporary folder for one drill's store, logs and acknowledgement file, removed afterwards.</summary>
public sealed class DrillFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("dashboard-drill-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
