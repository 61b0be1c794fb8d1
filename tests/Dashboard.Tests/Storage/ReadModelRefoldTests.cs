using System.Net.Http.Json;
using Dashboard.Analytics;
using Dashboard.Tests.Builders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Storage;

/// <summary>
/// An installation upgraded to the lifecycle fold: what the old fold wrote is folded again from the delivery log
/// when the new version first starts, so a hire that a later rating had undone counts again without an admin's rebuild.
/// </summary>
public sealed class ReadModelRefoldTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AHireTheOldFoldUndidCountsAgainAfterTheUpgradeStarts()
    {
        await using (var before = new DashboardApplication(_database, projection: false))
        {
            await before.CreateClient().PostFirstbirdAsync(new FirstbirdBatchBuilder()
                .Received("a1", "2026-03-01 09:00:00.000Z")
                .Hired("a1", "2026-03-10 09:00:00.000Z", payReward: true)
                .Rated("a1", "2026-03-11 09:00:00.000Z", "A")
                .Build());
            await before.ProjectAsync();

            // What the old fold left behind: the rating taken as the application's state, the hire and reward gone.
            await using var db = await before.CreateDbContextAsync();
            await db.ReferralApplications.ExecuteUpdateAsync(set => set
                .SetProperty(a => a.State, "rated").SetProperty(a => a.HiredAt, (DateTime?)null)
                .SetProperty(a => a.RewardEligible, false));
            var undone = await ReferralsAsync(before);
            Assert.Equal((0, 0), (undone.Hired, undone.RewardEligibleHires));
            // And the store as it was before both that migration and the projection watermark that came after it:
            // each projected delivery marked so on its own row.
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM \"__Migrations\" WHERE \"MigrationId\" = '20261201140000_RefoldReferralLifecycle' " +
                "OR \"MigrationId\" LIKE '%\\_ProjectionWatermark' ESCAPE '\\'");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ProjectedBatches\"");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"ProjectionWatermark\"");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Deliveries\" SET \"Status\" = 'Projected' WHERE \"Status\" = 'Accepted'");
        }

        await using var after = new DashboardApplication(_database, projection: false);
        await after.ProjectAsync();

        var figures = await ReferralsAsync(after);
        Assert.Equal((1, 1, 1), (figures.Received, figures.Hired, figures.RewardEligibleHires));
        Assert.Equal(1, figures.Ratings["A"]);
    }

    private static async Task<ReferralFigures> ReferralsAsync(DashboardApplication app) =>
        (await app.CreateApiClient().GetFromJsonAsync<ReferralFigures>("/api/analytics/referrals"))!;
}
