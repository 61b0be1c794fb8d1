namespace Dashboard.Benchmarks;

/// <summary>The <c>--name value</c> options of a command.</summary>
public sealed class CommandOptions(string[] args)
{
    public string? Text(string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public string RequiredText(string name) =>
        Text(name) ?? throw new ArgumentException($"--{name} is required");

    public int Number(string name, int fallback) => Text(name) is { } text ? int.Parse(text.Replace("_", ""), System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => args.Contains("--" + name);
}
