using System.Net;
using System.Net.Sockets;
using System.Text;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Hosting;

/// <summary>A flood of connections is turned away at the door rather than taken on (real Kestrel on a loopback port).</summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class ConnectionCapTests : IAsyncLifetime
{
    private readonly int _port = SlowSenderTests.FreePort();
    private readonly DashboardApplication _app = new(settings: new Dictionary<string, string?>
    {
        ["Connections:MaxConcurrentConnections"] = "3",
    });

    public Task InitializeAsync()
    {
        _app.UseKestrel(_port);
        _app.StartServer();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task BeyondTheCapANewConnectionIsClosedAndOnceOneEndsTheNextSenderIsServed()
    {
        var held = new List<TcpClient>();
        for (var i = 0; i < 3; i++)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, _port);
            // Half a request: the connection stays open and counted.
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("POST /webhooks/idibu/x HTTP/1.1\r\nHost: a\r\n"));
            held.Add(client);
        }
        await Task.Delay(300);

        using var senders = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromSeconds(10) };
        var body = new IdibuCandidateBuilder().WithId("over-cap").Build();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => senders.PostIdibuAsync(body, "over-cap"));

        held[0].Dispose();
        await Task.Delay(300);
        Assert.Equal(HttpStatusCode.OK, (await senders.PostIdibuAsync(body, "over-cap")).StatusCode);
        foreach (var client in held) client.Dispose();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
