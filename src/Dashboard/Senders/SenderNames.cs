namespace Dashboard.Senders;

/// <summary>The two senders, by the names used in URLs, the delivery log and the API.</summary>
public static class Providers
{
    public const string Idibu = "idibu";
    public const string Firstbird = "firstbird";

    public static readonly IReadOnlyList<string> All = [Idibu, Firstbird];

    public static bool IsKnown(string? provider) => provider is Idibu or Firstbird;
}
