namespace Dashboard.Projection;

public static class ProjectionRegistration
{
    public static WebApplicationBuilder AddProjection(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProjectionSignal>();
        builder.Services.AddSingleton<DashboardChanges>();
        builder.Services.AddSingleton<DeliveryProjector>();
        if (builder.Configuration.GetValue("Projection:Enabled", true))
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryProjector>());
        return builder;
    }
}
