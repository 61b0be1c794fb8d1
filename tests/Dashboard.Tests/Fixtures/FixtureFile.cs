namespace Dashboard.Tests.Fixtures;

/// <summary>Payload files under Fixtures/, copied beside the test assembly.</summary>
public static class FixtureFile
{
    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));
}
