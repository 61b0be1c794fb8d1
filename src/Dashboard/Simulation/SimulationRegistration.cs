namespace Dashboard.Simulation;

public static class SimulationRegistration
{
    /// <summary>The sample agency an admin can load from the console (the <c>simulate</c> command needs no registration).</summary>
    public static WebApplicationBuilder AddSimulation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SampleDataLoader>();
        return builder;
    }
}
