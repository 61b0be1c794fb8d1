using System.Diagnostics;

namespace Dashboard.LoadTests.Targets;

/// <summary>
/// A tmpfs of a few megabytes mounted for one drill, which a filler file can fill to the last few kilobytes and
/// give back. Mounting needs root (as the test machines run); the mount is removed again on dispose.
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }
    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static async Task<SmallDisk> MountAsync(string path, int megabytes)
    {
        Directory.CreateDirectory(path);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        if (code != 0) throw new InvalidOperationException($"Could not mount a {megabytes} MB tmpfs at {path} (needs root): {output}");
        return new SmallDisk(path);
    }

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>Fills the disk until only <paramref name="leave"/> bytes are free.</summary>
    public async Task FillLeavingAsync(long leave)
    {
        var size = Math.Max(0, FreeBytes - leave);
        await using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write);
        var block = new byte[64 * 1024];
        Random.Shared.NextBytes(block);
        for (long written = 0; written < size; written += block.Length)
            await filler.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, size - written)));
    }

    public void Free() => File.Delete(Filler);

    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Trim());
    }

    public async ValueTask DisposeAsync() => await RunAsync("umount", "-l", Path);
}
