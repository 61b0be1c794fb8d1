using System.Security.Cryptography;
using System.Text;

namespace Dashboard.DeliveryLog;

/// <summary>
/// The delivery log keeps one copy per key (a unique index). Each sender says which of these its deliveries get
/// (<see cref="Senders.ISender.DedupeKey"/>; docs/senders.md, "Telling deliveries apart"); the key starts with the
/// sender's name, so one index covers them all.
/// </summary>
public static class DedupeKeys
{
    /// <summary>The same delivery when the sender's own delivery id is the same.</summary>
    public static string ById(string sender, string deliveryId) => $"{sender}:id:{Fit(deliveryId)}";

    /// <summary>The same delivery when the body is the same.</summary>
    public static string ByBody(string sender, string bodySha256) => $"{sender}:sha256:{bodySha256}";

    // Keep the key within its column even when a sender sends an absurdly long id.
    private static string Fit(string id) =>
        id.Length <= 96 ? id : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
