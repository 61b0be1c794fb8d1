using System.Collections.Concurrent;
using System.Text;
using Serilog.Core;
using Serilog.Events;

namespace Dashboard.Tests.Support;

/// <summary>Everything the app logged, rendered with all its properties, for tests that read the log.</summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> Events => _events.ToList();

    public string Text()
    {
        var text = new StringBuilder();
        foreach (var e in _events)
        {
            text.AppendLine(e.RenderMessage());
            foreach (var (name, value) in e.Properties) text.Append(name).Append('=').AppendLine(value.ToString());
            if (e.Exception is not null) text.AppendLine(e.Exception.ToString());
        }
        return text.ToString();
    }
}
