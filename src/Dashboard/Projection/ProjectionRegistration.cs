using Dashboard.DeliveryLog;
using Dashboard.Instances;
using Dashboard.Storage;

namespace Dashboard.Projection;

public static class ProjectionRegistration
{
    public static WebApplicationBuilder AddProjection(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            // Deliveries committed by another instance wake this projector too (it may be the only one projecting).
            var signal = new ProjectionSignal();
            sp.GetRequiredService<InstanceMessages>().On(InstanceTopic.Deliveries, () =>
            {
                signal.Notify();
                return Task.CompletedTask;
            });
            return signal;
        });
        builder.Services.AddSingleton<IDeliveryLogListener>(sp => sp.GetRequiredService<ProjectionSignal>());
        builder.Services.AddSingleton(sp => ProjectionTurns.For(sp.GetRequiredService<StorageOptions>()));
        builder.Services.AddSingleton<DashboardChanges>();
        builder.Services.AddSingleton<DeliveryProjector>();
        if (builder.Configuration.GetValue("Projection:Enabled", true))
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryProjector>());
        return builder;
    }
}
