using Microsoft.Data.Sqlite;

namespace Dashboard.Tests.Support;

/// <summary>A SQLite file in a folder of its own, removed when the test is done.</summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "dashboard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "dashboard.db");
    }

    public string Folder { get; }
    public string FilePath { get; }
    public string ConnectionString => $"Data Source={FilePath}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing host; the temp folder is cleaned by the OS in time.
        }
    }
}
