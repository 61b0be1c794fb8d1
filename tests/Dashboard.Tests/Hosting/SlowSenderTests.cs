using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Dashboard.Ingestion;
using Dashboard.Senders;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace Dashboard.Tests.Hosting;

/// <summary>
/// Slow senders against real Kestrel on a loopback port (the in-memory server enforces no data rates): a body or
/// headers trickled byte by byte are cut off, and ordinary deliveries are answered quickly all the while.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class SlowSenderTests : IAsyncLifetime
{
    private readonly int _port = FreePort();
    private readonly DashboardApplication _app = new(settings: new Dictionary<string, string?>
    {
        ["Connections:MinBodyBytesPerSecond"] = "100",
        ["Connections:BodyGracePeriod"] = "00:00:01.5",
        ["Connections:RequestHeadersTimeout"] = "00:00:02",
    });

    private HttpClient _senders = null!;

    public Task InitializeAsync()
    {
        _app.UseKestrel(_port);
        _app.StartServer();
        _senders = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(20) };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _senders.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task ATrickledBodyIsCutOffWhileOtherDeliveriesAreAnsweredQuickly()
    {
        // The first request of a fresh app pays for warming up; that is not what this test measures.
        Assert.Equal(HttpStatusCode.OK, (await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("warm-up").Build(), "warm-up")).StatusCode);
        using var slow = await ConnectAsync();
        // Taken once: TcpClient refuses to hand out its stream after the server has hung up.
        var stream = slow.GetStream();
        var head = $"POST /webhooks/idibu/{DashboardApplication.IdibuKey} HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                   "Content-Type: application/json\r\nContent-Length: 10000\r\nX-Idibu-Event: candidate.update\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var trickle = TrickleAsync(stream, "{\"payload\":{\"id\":\"slow\"}}"u8.ToArray(), TimeSpan.FromMilliseconds(500), stop.Token);
        var closed = WaitUntilClosedAsync(stream, clock, TimeSpan.FromSeconds(15));

        var answerTimes = new List<TimeSpan>();
        for (var i = 0; i < 10; i++)
        {
            var one = Stopwatch.StartNew();
            var response = await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId($"busy-{i}").Build(), $"busy-{i}");
            answerTimes.Add(one.Elapsed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await Task.Delay(100);
        }

        var cutOffAfter = await closed;
        await stop.CancelAsync();
        await trickle;
        // 26 bytes at 2 bytes a second would take 13 s, and the promised 10,000 never come. Kestrel checks once a
        // second after the 1.5 s grace; its own default grace (5 s) would be too late for this bound.
        Assert.True(cutOffAfter < TimeSpan.FromSeconds(4.5), $"the slow body was cut off after {cutOffAfter}");
        // idibu gives up after 5 s; a busy test machine needs some of that margin.
        Assert.All(answerTimes, t => Assert.True(t < TimeSpan.FromSeconds(4), $"an ordinary delivery took {t}"));
        await using var db = await _app.CreateDbContextAsync();
        Assert.Equal(11, await db.Deliveries.CountAsync());
        // A sender that is too slow is the sender's problem: nothing to wake anyone for.
        Assert.Empty(_app.Log.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage()));
    }

    [Fact]
    public async Task HeadersThatNeverFinishAreCutOff()
    {
        using var slow = await ConnectAsync();
        var stream = slow.GetStream();
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync("POST /webhooks/idibu/"u8.ToArray());
        using var stop = new CancellationTokenSource();
        var trickle = TrickleAsync(stream, Encoding.ASCII.GetBytes(DashboardApplication.IdibuKey + " HTTP/1.1\r\nX-Slow: yes"), TimeSpan.FromMilliseconds(300), stop.Token);

        var response = await _senders.PostIdibuAsync(new IdibuCandidateBuilder().WithId("beside-slow-headers").Build(), "beside");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var cutOffAfter = await WaitUntilClosedAsync(stream, clock, TimeSpan.FromSeconds(15));
        await stop.CancelAsync();
        await trickle;
        // The trickle alone would take 15 s; Kestrel would wait 30 s by default.
        Assert.True(cutOffAfter < TimeSpan.FromSeconds(8), $"the slow headers were cut off after {cutOffAfter}");
    }

    [Fact]
    public void KestrelTakesItsLimitsFromConfigurationAndCapsBodiesAtTheWebhookLimit()
    {
        var kestrel = _app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var webhooks = _app.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;

        Assert.Equal(100, kestrel.Limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(1.5), kestrel.Limits.MinRequestBodyDataRate.GracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(2), kestrel.Limits.RequestHeadersTimeout);
        Assert.Equal(webhooks.MaxBodyBytes, kestrel.Limits.MaxRequestBodySize);
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _port);
        return client;
    }

    /// <summary>Sends one byte at a time until the bytes run out or the server hangs up.</summary>
    private static async Task TrickleAsync(NetworkStream stream, byte[] bytes, TimeSpan pause, CancellationToken stop)
    {
        try
        {
            foreach (var b in bytes)
            {
                await stream.WriteAsync(new[] { b }, stop);
                await Task.Delay(pause, stop);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The server hung up, or the test has seen it do so.
        }
    }

    /// <summary>Returns the time on <paramref name="clock"/> when the server answered (with its 408) or hung up.</summary>
    private static async Task<TimeSpan> WaitUntilClosedAsync(NetworkStream stream, Stopwatch clock, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var buffer = new byte[4096];
        try
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read > 0) Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(buffer, 0, read));
        }
        catch (IOException)
        {
            // Reset by the server: cut off as well.
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the slow sender was still connected after {limit}");
        }
        return clock.Elapsed;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
