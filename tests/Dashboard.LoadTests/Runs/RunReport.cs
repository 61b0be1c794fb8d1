namespace Dashboard.LoadTests.Runs;

/// <summary>Prints a run's lines and keeps them in <c>report.md</c> in its folder.</summary>
public sealed class RunReport(string folder, TextWriter console)
{
    /// <summary>A new folder for the run's files, and its report opened with the machine and the command.</summary>
    public static RunReport Start(RunOptions options, string run, TextWriter console)
    {
        var report = new RunReport(options.OutputFolder(run), console);
        report.Machine(run + " " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2)));
        return report;
    }

    public string Folder => folder;

    public void Line(string text)
    {
        console.WriteLine(text);
        File.AppendAllText(Path.Combine(folder, "report.md"), text + Environment.NewLine);
    }

    public void Machine(string command) =>
        Line($"machine: {Environment.ProcessorCount} CPUs, {Environment.OSVersion}, .NET {Environment.Version}{LoadAverage()}; command: {WithoutPasswords(command)}");

    // A store or server given as a connection string may carry its password; a report is shared, the password is not.
    private static string WithoutPasswords(string command) =>
        System.Text.RegularExpressions.Regex.Replace(command, "(Password|Pwd)=[^;\"' ]*", "$1=…", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>The 1, 5 and 15 minute load averages: the machine may be shared with other work.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "";

    /// <summary>A writer whose every line becomes a line of the report, for drills that log to a <see cref="TextWriter"/>.</summary>
    public TextWriter Writer => new LineWriter(this);

    private sealed class LineWriter(RunReport report) : StringWriter
    {
        public override void WriteLine(string? value) => report.Line(value ?? "");
    }

    public static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MB";
}
