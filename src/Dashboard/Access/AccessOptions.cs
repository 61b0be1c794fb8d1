namespace Dashboard.Access;

/// <summary>Sign-in settings (<c>Access:*</c>).</summary>
public sealed record AccessOptions(TimeSpan CircuitRevalidation)
{
    public static readonly TimeSpan DefaultCircuitRevalidation = TimeSpan.FromSeconds(10);

    public static AccessOptions From(IConfiguration configuration)
    {
        var every = configuration.GetValue<TimeSpan?>("Access:CircuitRevalidation") ?? DefaultCircuitRevalidation;
        if (every <= TimeSpan.Zero)
            throw new InvalidOperationException($"Access:CircuitRevalidation must be a positive time span such as 00:00:10, not '{configuration["Access:CircuitRevalidation"]}'.");
        return new AccessOptions(every);
    }
}
