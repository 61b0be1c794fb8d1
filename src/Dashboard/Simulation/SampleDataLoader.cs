using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.SenderKeys;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;
using Dashboard.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Simulation;

/// <summary>
/// "Explore with sample data": eight weeks of generated traffic sent through the app's own webhook endpoints, as
/// idibu and firstbird would send it, with keys that exist only for the run.
/// </summary>
public sealed class SampleDataLoader(
    IServer server, SenderKeyRing keys, IDbContextFactory<DashboardDbContext> factory, ActingPerson acting, TimeProvider clock,
    ILogger<SampleDataLoader> logger)
{
    public const int DefaultCandidates = 200;

    /// <summary>Sends the traffic; <paramref name="progress"/> hears (sent, total) as it goes.</summary>
    public async Task<SendReport> LoadAsync(int candidates, ClaimsPrincipal actor, IProgress<(int Sent, int Total)>? progress, CancellationToken cancellationToken)
    {
        await acting.EnsureAdminAsync(actor, cancellationToken);
        var traffic = SampleTrafficGenerator.Generate(new SampleTrafficOptions
        {
            Candidates = candidates,
            Seed = Environment.TickCount,
            Start = clock.GetUtcNow().Date.AddDays(-56),
        });
        var idibuKey = SenderKeyRing.NewKey();
        var firstbirdKey = SenderKeyRing.NewKey();
        await AddTemporaryKeysAsync([(IdibuSender.SenderName, idibuKey), (FirstbirdSender.SenderName, firstbirdKey)], cancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = OwnAddress(), Timeout = TimeSpan.FromSeconds(30) };
            var report = await new SampleTrafficSender(client)
                .SendAsync(traffic, idibuKey, firstbirdKey, concurrency: 4, cancellationToken,
                    progress is null ? null : new Progress<int>(sent => progress.Report((sent, traffic.Deliveries.Count))));
            logger.LogInformation("Sample data sent: {Sent} deliveries, {Failed} failed", report.Sent, report.Failed);
            return report;
        }
        finally
        {
            await RevokeTemporaryKeysAsync(CancellationToken.None);
        }
    }

    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The app is not listening on any address it can reach itself on.");
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*") uri.Host = "127.0.0.1";
        return new Uri(uri.Uri.ToString().TrimEnd('/') + "/");
    }

    private async Task AddTemporaryKeysAsync(IEnumerable<(string Provider, string Key)> temporary, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (provider, key) in temporary)
        {
            db.SenderKeys.Add(new SenderKey
            {
                Provider = provider, KeyHash = SenderKeyRing.Hash(key), Hint = SenderKeyRing.HintOf(key), Origin = "sample-data",
                CreatedAt = now, ExpiresAt = now.AddHours(1),
            });
        }
        await db.SaveChangesAsync(ct);
        await keys.ReloadAsync(ct);
    }

    private async Task RevokeTemporaryKeysAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SenderKeys.Where(k => k.Origin == "sample-data" && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now), ct);
        await keys.ReloadAsync(ct);
    }
}
