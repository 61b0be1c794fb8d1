namespace Dashboard.DeliveryLog;

public static class DeliveryLogRegistration
{
    public static WebApplicationBuilder AddDeliveryLog(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DeliveryLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryLogWriter>());
        return builder;
    }
}
