namespace Dashboard.LoadTests.Runs;

/// <summary>Prints a run's lines and keeps them in <c>report.md</c> in its folder.</summary>
public sealed class RunReport(string folder, TextWriter console)
{
    public void Line(string text)
    {
        console.WriteLine(text);
        File.AppendAllText(Path.Combine(folder, "report.md"), text + Environment.NewLine);
    }

    public void Machine(string command) =>
        Line($"machine: {Environment.ProcessorCount} CPUs, {Environment.OSVersion}, .NET {Environment.Version}; command: {command}");

    public static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MB";
}
