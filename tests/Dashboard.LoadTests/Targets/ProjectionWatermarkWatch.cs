using System.Data.Common;

namespace Dashboard.LoadTests.Targets;

/// <summary>
/// Reads the app's projection watermark from its store every few milliseconds, beside the app, and keeps when each
/// value was first seen: a delivery is projected (its figures can show) from the first reading at or above its id.
/// Reading the committed watermark, rather than the batch's own recorded time, counts the commit too.
/// </summary>
public sealed class ProjectionWatermarkWatch : IAsyncDisposable
{
    private readonly List<(DateTime At, long Watermark)> _readings = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private ProjectionWatermarkWatch(DbConnection connection, TimeSpan every) =>
        _reading = Task.Run(() => ReadAsync(connection, every));

    public static async Task<ProjectionWatermarkWatch> StartAsync(AppStore store, TimeSpan every) =>
        new(await StoreInspector.OpenAsync(store), every);

    public long Latest { get { lock (_readings) return _readings.Count == 0 ? 0 : _readings[^1].Watermark; } }

    /// <summary>When the watermark was first seen at or above <paramref name="deliveryId"/>, or null if not yet.</summary>
    public DateTime? ProjectedAt(long deliveryId)
    {
        lock (_readings)
        {
            int low = 0, high = _readings.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_readings[middle].Watermark >= deliveryId) high = middle; else low = middle + 1;
            }
            return low < _readings.Count ? _readings[low].At : null;
        }
    }

    private async Task ReadAsync(DbConnection connection, TimeSpan every)
    {
        await using (connection)
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT \"DeliveryId\" FROM \"ProjectionWatermark\" WHERE \"Id\" = 1";
            while (!_stop.IsCancellationRequested)
            {
                var watermark = Convert.ToInt64(await command.ExecuteScalarAsync());
                var at = DateTime.UtcNow;
                lock (_readings)
                    if (_readings.Count == 0 || watermark > _readings[^1].Watermark) _readings.Add((at, watermark));
                try { await Task.Delay(every, _stop.Token); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
