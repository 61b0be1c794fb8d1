using System.Text;
using System.Threading.Channels;

namespace Dashboard.LoadTests.Client;

/// <summary>
/// A file of every delivery a target acknowledged, one line each. A delivery counts as acknowledged only once its
/// line is on disk (fsync), so after a crash of either side the file never claims more than the target promised.
/// </summary>
public sealed class AckLog : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly Channel<(string Line, TaskCompletionSource Done)> _lines = Channel.CreateUnbounded<(string, TaskCompletionSource)>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public AckLog(string path)
    {
        Path = path;
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = Task.Run(WriteAsync);
    }

    public string Path { get; }

    /// <summary>Completes once the line is flushed to disk.</summary>
    public Task AppendAsync(string line)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_lines.Writer.TryWrite((line, done))) done.SetException(new ObjectDisposedException(nameof(AckLog)));
        return done.Task;
    }

    private async Task WriteAsync()
    {
        var waiting = new List<TaskCompletionSource>();
        while (await _lines.Reader.WaitToReadAsync())
        {
            waiting.Clear();
            while (_lines.Reader.TryRead(out var item))
            {
                _file.Write(Encoding.UTF8.GetBytes(item.Line + "\n"));
                waiting.Add(item.Done);
            }
            _file.Flush(flushToDisk: true);
            foreach (var done in waiting) done.SetResult();
        }
    }

    public static IReadOnlyList<string> Read(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writer;
        await _file.DisposeAsync();
    }
}
