using Dashboard.Ingestion;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Dashboard.Tests.DeliveryLog;
using Dashboard.Tests.SenderKeys;
using Dashboard.Tests.Senders;

namespace Dashboard.Tests.Ingestion;

/// <summary>A flood of refusals is logged as counts: the first at once, then one line per interval while any are left.</summary>
public sealed class RefusalLogTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger _logger = new();

    [Fact]
    public void TheFirstRefusalIsLoggedAtOnceAndTheRestOfAFloodAsOneCountWhenTheIntervalIsUp()
    {
        using var log = new RefusalLog(_clock, _logger);

        for (var i = 0; i < 1000; i++) log.Refused("idibu", "the delivery log is at capacity");
        Assert.Equal(["Deliveries asked to retry since the last such line: 1; the latest for idibu: the delivery log is at capacity"], _logger.Lines);

        // The flood's tail is told when the interval is up, though no refusal follows it.
        _clock.Advance(RefusalLog.Interval);
        Assert.Equal(2, _logger.Lines.Count);
        Assert.Equal("Deliveries asked to retry since the last such line: 999; the latest for idibu: the delivery log is at capacity", _logger.Lines[1]);

        _clock.Advance(RefusalLog.Interval);
        Assert.Equal(2, _logger.Lines.Count);

        log.Refused("firstbird", "this instance is working on as many deliveries as it takes at once");
        Assert.Equal(3, _logger.Lines.Count);
        Assert.Equal("Deliveries asked to retry since the last such line: 1; the latest for firstbird: " +
                     "this instance is working on as many deliveries as it takes at once", _logger.Lines[2]);
    }

    private sealed class RecordingLogger : ILogger<RefusalLog>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            Assert.Equal(LogLevel.Warning, logLevel);
            Lines.Add(formatter(state, exception));
        }
    }
}
