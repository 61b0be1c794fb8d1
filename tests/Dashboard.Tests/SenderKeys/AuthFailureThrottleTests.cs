using System.Net;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.SenderKeys;

/// <summary>
/// An address that keeps presenting wrong keys has its wrong keys answered 429 with Retry-After until its window
/// passes, while a correct key from it is still accepted; no other address notices. Requests are sent from chosen
/// client addresses straight into the in-memory server.
/// </summary>
[Trait(TestRuns.Name, TestRuns.Once)]
public sealed class AuthFailureThrottleTests : IAsyncLifetime
{
    private static readonly IPAddress Guesser = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Neighbour = IPAddress.Parse("198.51.100.20");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly DashboardApplication _app;
    private int _sent;

    public AuthFailureThrottleTests() => _app = new DashboardApplication(services: s => s.AddSingleton<TimeProvider>(_clock));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task MoreThanTwentyWrongKeysInAMinuteThrottleThatAddressWith429AndRetryAfter()
    {
        for (var i = 1; i <= 21; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(StatusCodes.Status401Unauthorized, (await PostAsync(Guesser, "wrong-key-" + i)).StatusCode);
        }

        var throttled = await PostAsync(Guesser, "wrong-key-22");

        Assert.Equal(StatusCodes.Status429TooManyRequests, throttled.StatusCode);
        Assert.Equal("application/problem+json", throttled.ContentType?.Split(';')[0]);
        Assert.Equal("60", throttled.Headers.RetryAfter.ToString());
        Assert.Contains("Too many failed key checks", await new StreamReader(throttled.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task ACorrectKeyFromAThrottledAddressIsStillAccepted()
    {
        for (var i = 1; i <= 25; i++) await PostAsync(Guesser, "stale-key-" + i);

        var correct = await PostAsync(Guesser, DashboardApplication.IdibuKey);
        var wrongAgain = await PostAsync(Guesser, "stale-key-26");

        Assert.Equal(StatusCodes.Status200OK, correct.StatusCode);
        Assert.Contains("\"status\":\"accepted\"", await new StreamReader(correct.Body).ReadToEndAsync());
        Assert.Equal(StatusCodes.Status429TooManyRequests, wrongAgain.StatusCode);
        Assert.Equal("60", wrongAgain.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task AnotherAddressIsNeverAffected()
    {
        await ThrottleAsync(Guesser);

        Assert.Equal(StatusCodes.Status200OK, (await PostAsync(Neighbour, DashboardApplication.IdibuKey)).StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await PostAsync(Neighbour, "one-honest-mistake")).StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await PostAsync(Guesser, "wrong-key")).StatusCode);
    }

    [Fact]
    public async Task TheAddressRecoversOnceTheWindowHasPassed()
    {
        await ThrottleAsync(Guesser);

        _clock.Advance(TimeSpan.FromSeconds(45));
        var stillThrottled = await PostAsync(Guesser, "wrong-key");
        Assert.Equal(StatusCodes.Status429TooManyRequests, stillThrottled.StatusCode);
        Assert.Equal("15", stillThrottled.Headers.RetryAfter.ToString());

        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(StatusCodes.Status401Unauthorized, (await PostAsync(Guesser, "a-fresh-window")).StatusCode);
    }

    [Fact]
    public async Task FailuresSpreadOverSeveralWindowsAreNeverThrottled()
    {
        for (var minute = 0; minute < 3; minute++)
        {
            for (var i = 0; i < 20; i++) Assert.Equal(StatusCodes.Status401Unauthorized, (await PostAsync(Guesser, "slow-guess")).StatusCode);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(StatusCodes.Status200OK, (await PostAsync(Guesser, DashboardApplication.IdibuKey)).StatusCode);
    }

    [Fact]
    public async Task TheThresholdAndWindowComeFromConfiguration()
    {
        await using var strict = new DashboardApplication(
            settings: new Dictionary<string, string?>
            {
                ["Webhooks:AuthFailureThrottle:MaxFailures"] = "2",
                ["Webhooks:AuthFailureThrottle:Window"] = "00:05:00",
            },
            services: s => s.AddSingleton<TimeProvider>(_clock));

        for (var i = 0; i < 3; i++) Assert.Equal(StatusCodes.Status401Unauthorized, (await PostAsync(strict, Guesser, "wrong")).StatusCode);
        var throttled = await PostAsync(strict, Guesser, "wrong");

        Assert.Equal(StatusCodes.Status429TooManyRequests, throttled.StatusCode);
        Assert.Equal("300", throttled.Headers.RetryAfter.ToString());
    }

    private async Task ThrottleAsync(IPAddress address)
    {
        for (var i = 0; i < 21; i++) await PostAsync(address, "wrong-key");
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await PostAsync(address, "wrong-key")).StatusCode);
    }

    private Task<HttpResponse> PostAsync(IPAddress from, string key) => PostAsync(_app, from, key);

    private async Task<HttpResponse> PostAsync(DashboardApplication app, IPAddress from, string key)
    {
        var body = new IdibuCandidateBuilder().WithId($"throttle-{Interlocked.Increment(ref _sent)}").Build();
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = $"/webhooks/idibu/{key}";
            c.Request.ContentType = "application/json";
            c.Request.Headers["X-Idibu-Event"] = "candidate.update";
            c.Request.Body = new MemoryStream(body);
            c.Request.ContentLength = body.Length;
        });
        return context.Response;
    }
}
