namespace Dashboard.LoadTests.Client;

/// <summary>Where a load run sends: a base address and the key each sender's URL carries.</summary>
public sealed record LoadTarget(Uri BaseAddress, string IdibuKey, string FirstbirdKey)
{
    public string PathFor(string provider) =>
        $"webhooks/{provider}/{Uri.EscapeDataString(provider == "idibu" ? IdibuKey : FirstbirdKey)}";
}
