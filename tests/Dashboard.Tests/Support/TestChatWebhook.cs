using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Dashboard.Tests.Support;

/// <summary>A chat's incoming webhook on 127.0.0.1, as Slack or Teams would take it: keeps every JSON body posted to it.</summary>
public sealed class TestChatWebhook : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonNode> _posts = new();
    private readonly Task _serving;

    public TestChatWebhook()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/services/T000/B000/{Secret}";
        }
        _listener.Prefixes.Add(Url[..(Url.IndexOf("/services", StringComparison.Ordinal) + 1)]);
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The part of the address that is its credential; it must appear in no log.</summary>
    public const string Secret = "XyZsecretHookPath42";

    public string Url { get; }
    public IReadOnlyList<JsonNode> Posts => [.. _posts];

    public async Task<IReadOnlyList<JsonNode>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (_posts.Count < count && DateTime.UtcNow < until) await Task.Delay(50);
        return Posts;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var body = await reader.ReadToEndAsync();
                if (context.Request.Url?.AbsolutePath.EndsWith(Secret, StringComparison.Ordinal) == true && JsonNode.Parse(body) is { } json)
                    _posts.Enqueue(json);
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
