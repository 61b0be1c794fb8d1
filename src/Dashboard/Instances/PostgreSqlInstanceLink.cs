using System.Threading.Channels;
using Dashboard.Storage;
using Npgsql;

namespace Dashboard.Instances;

/// <summary>
/// Carries <see cref="InstanceMessages"/> between instances over PostgreSQL's LISTEN/NOTIFY: one connection listens,
/// announcements are coalesced (one per topic per 50 ms at most, however many deliveries a burst commits) and sent
/// with <c>pg_notify</c>. If the listening connection drops, it reconnects and treats every topic as announced, since
/// whatever was sent meanwhile is lost.
/// </summary>
public sealed class PostgreSqlInstanceLink(StorageOptions storage, InstanceMessages messages, ILogger<PostgreSqlInstanceLink> logger)
    : BackgroundService
{
    public const string Channel = "dashboard_instances";
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);
    private readonly Channel<InstanceTopic> _outbound = System.Threading.Channels.Channel.CreateUnbounded<InstanceTopic>(
        new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        messages.ConnectOutbound(topic => _outbound.Writer.TryWrite(topic));
        await Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var firstConnection = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenerConnectionString());
                await connection.OpenAsync(stoppingToken);
                var received = System.Threading.Channels.Channel.CreateUnbounded<InstanceTopic>();
                connection.Notification += (_, e) =>
                {
                    if (Parse(e.Payload) is { } topic) received.Writer.TryWrite(topic);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (!firstConnection)
                    foreach (var topic in Enum.GetValues<InstanceTopic>()) await messages.ReceiveAsync(topic);
                firstConnection = false;

                var dispatch = DispatchAsync(received.Reader, stoppingToken);
                try
                {
                    while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
                }
                finally
                {
                    received.Writer.TryComplete();
                    await dispatch;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Lost the connection that hears other instances; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task DispatchAsync(ChannelReader<InstanceTopic> received, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var topic in received.ReadAllAsync(stoppingToken)) await messages.ReceiveAsync(topic);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var pending = new HashSet<InstanceTopic>();
        try
        {
            while (await _outbound.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Coalesce, stoppingToken);
                pending.Clear();
                while (_outbound.Reader.TryRead(out var topic)) pending.Add(topic);
                await NotifyAsync(pending, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task NotifyAsync(IReadOnlyCollection<InstanceTopic> topics, CancellationToken stoppingToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(storage.ConnectionString);
            await connection.OpenAsync(stoppingToken);
            foreach (var topic in topics)
            {
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", $"{topic}|{messages.InstanceId}");
                await notify.ExecuteNonQueryAsync(stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Other instances also poll (projection every few seconds, caches every half minute); a lost notice only delays.
            logger.LogWarning(ex, "Could not tell other instances about {Topics}", string.Join(", ", topics));
        }
    }

    private InstanceTopic? Parse(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length != 2 || parts[1] == messages.InstanceId) return null;
        return Enum.TryParse<InstanceTopic>(parts[0], out var topic) ? topic : null;
    }

    // The listener holds its connection for the app's lifetime: keep it out of the pool the queries share.
    private string ListenerConnectionString() =>
        new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
}
