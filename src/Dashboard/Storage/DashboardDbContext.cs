using Dashboard.Access;
using Dashboard.Analytics.Funnel;
using Dashboard.Deliveries.Quality;
using Dashboard.DeliveryLog;
using Dashboard.Projection.ReadModel;
using Dashboard.SenderKeys;
using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Storage;

/// <summary>
/// The one store: the delivery log, the read model derived from it, and the settings people change.
/// Each database provider has a derived context so that each keeps its own migration set.
/// </summary>
public abstract class DashboardDbContext(DbContextOptions options) : IdentityDbContext<DashboardUser>(options), IDataProtectionKeyContext
{
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<SenderKey> SenderKeys => Set<SenderKey>();
    public DbSet<AuthFailureCount> AuthFailures => Set<AuthFailureCount>();

    public DbSet<IdibuCandidate> IdibuCandidates => Set<IdibuCandidate>();
    public DbSet<IdibuApplicationRow> IdibuApplications => Set<IdibuApplicationRow>();
    public DbSet<IdibuStatusObservation> IdibuStatusObservations => Set<IdibuStatusObservation>();
    public DbSet<IdibuStatusDefinition> IdibuStatuses => Set<IdibuStatusDefinition>();
    public DbSet<IdibuVacancy> IdibuVacancies => Set<IdibuVacancy>();
    public DbSet<IdibuSnapshot> IdibuSnapshots => Set<IdibuSnapshot>();
    public DbSet<ReadModelClock> ReadModelClock => Set<ReadModelClock>();
    public DbSet<ProjectionWatermark> ProjectionWatermark => Set<ProjectionWatermark>();
    public DbSet<ProjectedBatch> ProjectedBatches => Set<ProjectedBatch>();
    public DbSet<DeliveryQualityQuarter> DeliveryQualityQuarters => Set<DeliveryQualityQuarter>();

    public DbSet<FirstbirdEventRow> FirstbirdEvents => Set<FirstbirdEventRow>();
    public DbSet<ReferralApplication> ReferralApplications => Set<ReferralApplication>();
    public DbSet<QuarantinedEnvelope> QuarantinedEnvelopes => Set<QuarantinedEnvelope>();

    public DbSet<FunnelStage> FunnelStages => Set<FunnelStage>();
    public DbSet<StatusStageMapping> StatusStageMappings => Set<StatusStageMapping>();

    // Where several instances share a PostgreSQL store they must share the key ring too, or a cookie issued by one
    // is refused by the next. A SQLite store keeps its ring in files beside the database instead.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
    }

    // Every instant is UTC. SQLite hands DateTime back as Unspecified; say what it is so nothing shifts it later.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteDashboardDbContext(DbContextOptions<SqliteDashboardDbContext> options)
    : DashboardDbContext(options);

public sealed class PostgreSqlDashboardDbContext(DbContextOptions<PostgreSqlDashboardDbContext> options)
    : DashboardDbContext(options);
