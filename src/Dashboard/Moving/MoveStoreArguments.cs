using System.Globalization;
using Dashboard.Storage;

namespace Dashboard.Moving;

/// <summary>
/// <c>move-store --to-provider P --to C [--from-provider P] [--from C] [--chunk-size N]</c>. The source defaults to the
/// store the app is configured with; each <c>--from…</c> overrides one setting of it.
/// </summary>
public sealed record MoveStoreArguments(string ToProvider, string To, string? FromProvider, string? From, int ChunkSize)
{
    public const string Usage =
        "usage: move-store --to-provider <Sqlite|PostgreSQL> --to \"<connection string>\" [--from-provider <Sqlite|PostgreSQL>] [--from \"<connection string>\"] [--chunk-size 2000]\n" +
        "copies the store the app is configured with (Database:Provider, ConnectionStrings:Dashboard) into the target, then checks every figure.\n" +
        "Run it again after an interruption: it carries on where it stopped.";

    private static readonly string[] Known = ["to-provider", "to", "from-provider", "from", "chunk-size"];

    /// <summary>The arguments, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static MoveStoreArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                return Fail($"'{arg}' is not an option; options start with --.", out error);
            var name = arg[2..];
            string? value = null;
            if (name.IndexOf('=') is var eq and > 0) (name, value) = (name[..eq], name[(eq + 1)..]);
            if (!Known.Contains(name, StringComparer.OrdinalIgnoreCase))
                return Fail($"--{name} is not an option of move-store.", out error);
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    return Fail($"--{name} needs a value.", out error);
                value = args[++i];
            }
            if (!values.TryAdd(name, value)) return Fail($"--{name} is given twice.", out error);
        }

        if (!values.TryGetValue("to-provider", out var toProvider) || string.IsNullOrWhiteSpace(toProvider))
            return Fail("--to-provider is required: Sqlite or PostgreSQL.", out error);
        if (!values.TryGetValue("to", out var to) || string.IsNullOrWhiteSpace(to))
            return Fail("--to is required: the target's connection string.", out error);
        foreach (var (option, provider) in new[] { ("to-provider", toProvider), ("from-provider", values.GetValueOrDefault("from-provider")) })
        {
            if (provider is null) continue;
            try
            {
                StorageOptions.EngineFrom(provider);
            }
            catch (InvalidOperationException)
            {
                return Fail($"--{option} is '{provider}'; it must be Sqlite or PostgreSQL.", out error);
            }
        }
        var chunkSize = StoreMove.DefaultChunkSize;
        if (values.TryGetValue("chunk-size", out var chunk)
            && (!int.TryParse(chunk, NumberStyles.None, CultureInfo.InvariantCulture, out chunkSize) || chunkSize < 1 || chunkSize > 100_000))
            return Fail($"--chunk-size is '{chunk}'; it must be a whole number from 1 to 100000.", out error);

        error = null;
        return new MoveStoreArguments(toProvider, to, values.GetValueOrDefault("from-provider"), values.GetValueOrDefault("from"), chunkSize);
    }

    private static MoveStoreArguments? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
