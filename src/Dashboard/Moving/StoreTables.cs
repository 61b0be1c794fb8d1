using Dashboard.Access;
using Dashboard.Access.Sessions;
using Dashboard.Access.Tokens;
using Dashboard.Admin.Audit;
using Dashboard.Analytics.Funnel;
using Dashboard.Deliveries.Quality;
using Dashboard.DeliveryLog;
using Dashboard.Kiosk;
using Dashboard.Messages.AgencyZone;
using Dashboard.Messages.Alerts;
using Dashboard.Messages.Digests;
using Dashboard.Messages.Outbox;
using Dashboard.Projection.ReadModel;
using Dashboard.SavedViews;
using Dashboard.SenderKeys;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dashboard.Moving;

/// <summary>What a move does with a table.</summary>
public enum TableRole
{
    /// <summary>The deliveries: copied in id order, in chunks, resumably.</summary>
    DeliveryLog,

    /// <summary>Derived from the deliveries: not copied, rebuilt on the target by the projector.</summary>
    ReadModel,

    /// <summary>The data-protection key ring: files beside a SQLite store, a table in a PostgreSQL one.</summary>
    KeyRing,

    /// <summary>What people set up (keys, people, funnel, audit): copied whole, replacing the target's.</summary>
    Settings,
}

/// <summary>
/// Every table of the store, by what a move does with it. The lists are explicit on purpose: a table added later
/// makes <see cref="Classify"/> refuse the move (and a test fail) until someone decides whether it is copied or
/// rebuilt, instead of being silently left behind or copied when it should be derived.
/// </summary>
public static class StoreTables
{
    public static readonly IReadOnlyList<Type> DeliveryLog = [typeof(Delivery)];

    public static readonly IReadOnlyList<Type> ReadModel =
    [
        typeof(IdibuCandidate), typeof(IdibuApplicationRow), typeof(IdibuStatusObservation), typeof(IdibuStatusDefinition),
        typeof(IdibuVacancy), typeof(IdibuSnapshot), typeof(FirstbirdEventRow), typeof(ReferralApplication), typeof(QuarantinedEnvelope),
        typeof(ReadModelClock), typeof(DeliveryQualityQuarter), typeof(ProjectionWatermark), typeof(ProjectedBatch),
    ];

    public static readonly IReadOnlyList<Type> KeyRing = [typeof(DataProtectionKey)];

    public static readonly IReadOnlyList<Type> Settings =
    [
        typeof(SenderKey), typeof(AuthFailureCount), typeof(SenderSettings), typeof(PersonalToken), typeof(SignInSession), typeof(AuditEntry),
        typeof(FunnelStage), typeof(StatusStageMapping),
        typeof(AgencySetting), typeof(DigestSubscription), typeof(DigestRun), typeof(OutboxMessage), typeof(AlertRule), typeof(AlertEvent),
        typeof(AlertRound), typeof(SavedView), typeof(KioskScreen),
        typeof(DashboardUser), typeof(IdentityRole), typeof(IdentityUserRole<string>), typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>), typeof(IdentityUserToken<string>), typeof(IdentityRoleClaim<string>),
    ];

    /// <summary>Each entity type of <paramref name="model"/> with its role; refuses a table no list names.</summary>
    public static IReadOnlyDictionary<IEntityType, TableRole> Classify(IModel model)
    {
        var roles = new Dictionary<IEntityType, TableRole>();
        var unknown = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            TableRole? role = entity.ClrType switch
            {
                var t when DeliveryLog.Contains(t) => TableRole.DeliveryLog,
                var t when ReadModel.Contains(t) => TableRole.ReadModel,
                var t when KeyRing.Contains(t) => TableRole.KeyRing,
                var t when Settings.Contains(t) => TableRole.Settings,
                _ => null,
            };
            if (role is { } known) roles[entity] = known;
            else unknown.Add(entity.GetTableName() ?? entity.Name);
        }
        if (unknown.Count > 0)
            throw new MoveRefusedException(
                $"This version does not know how to move the table(s) {string.Join(", ", unknown)}: add each to a list in StoreTables.");

        // Settings are copied as the objects EF reads; a value EF keeps outside the object would be lost on the way.
        var shadow = roles.Where(r => r.Value == TableRole.Settings)
            .SelectMany(r => r.Key.GetProperties().Where(p => p.IsShadowProperty()).Select(p => $"{r.Key.GetTableName()}.{p.Name}"))
            .ToList();
        if (shadow.Count > 0)
            throw new MoveRefusedException($"Settings column(s) {string.Join(", ", shadow)} live outside their entity class and would not be copied.");
        return roles;
    }

    /// <summary>The settings tables, each after the tables its foreign keys point to: the order to insert them in.</summary>
    public static IReadOnlyList<IEntityType> SettingsInInsertOrder(IModel model)
    {
        var settings = Classify(model).Where(r => r.Value == TableRole.Settings).Select(r => r.Key)
            .OrderBy(e => e.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        var placed = new HashSet<IEntityType>();
        void Place(IEntityType entity, HashSet<IEntityType> visiting)
        {
            if (placed.Contains(entity) || !visiting.Add(entity)) return;
            foreach (var principal in entity.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(settings.Contains))
                Place(principal, visiting);
            placed.Add(entity);
            ordered.Add(entity);
        }
        foreach (var entity in settings) Place(entity, []);
        return ordered;
    }
}

/// <summary>A move that must not go ahead; the message says why and what to do.</summary>
public sealed class MoveRefusedException(string message) : Exception(message);
