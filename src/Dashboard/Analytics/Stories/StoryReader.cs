using System.Security.Claims;
using Dashboard.Access.Rights;
using Dashboard.Analytics.Funnel;
using Dashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Analytics.Stories;

/// <summary>
/// The story behind a number, for the candidate and referral pages. Whether it includes the deliveries (raw data
/// about a person, the console's) is decided here, by the reader's standing in the store at this moment, never by
/// what the page chooses to show.
/// </summary>
public sealed class StoryReader(IDbContextFactory<DashboardDbContext> factory, FunnelDefinitionStore funnel, ActingPerson acting)
{
    public async Task<CandidateStory?> CandidateAsync(ClaimsPrincipal reader, string candidateId, CancellationToken ct)
    {
        var withDeliveries = await acting.IsEnabledAdminAsync(reader, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        var targets = await StatusTargets.LoadAsync(db, funnel, ct);
        return await CandidateStoryQueries.ReadAsync(db, candidateId, targets, withDeliveries, ct);
    }

    public async Task<ReferralApplicationStory?> ReferralApplicationAsync(ClaimsPrincipal reader, string applicationId, CancellationToken ct)
    {
        var withDeliveries = await acting.IsEnabledAdminAsync(reader, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ReferralStoryQueries.ReadAsync(db, applicationId, withDeliveries, ct);
    }
}
