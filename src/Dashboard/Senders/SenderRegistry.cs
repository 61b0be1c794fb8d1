using Dashboard.Senders.Firstbird;
using Dashboard.Senders.Idibu;

namespace Dashboard.Senders;

/// <summary>
/// Every sender the product understands, by the name used in webhook URLs, the delivery log and the API. A new sender
/// is one folder under <c>Senders/</c> and one line here (docs/architecture.md, "Adding a third sender").
/// </summary>
public static class SenderRegistry
{
    public static IReadOnlyList<ISender> All { get; } = [new IdibuSender(), new FirstbirdSender()];

    public static IReadOnlyList<string> Names { get; } = All.Select(s => s.Name).ToList();

    public static ISender? Find(string? name) => All.FirstOrDefault(s => s.Name == name);

    public static bool IsKnown(string? name) => Find(name) is not null;
}
