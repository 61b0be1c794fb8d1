using System.Security.Cryptography;
using System.Text;

using Dashboard.Senders;
using Dashboard.Senders.Idibu;

namespace Dashboard.DeliveryLog;

/// <summary>
/// idibu deliveries are the same when <c>X-Idibu-Delivery</c> is, else when their bodies are; firstbird batches when
/// their bodies are (docs/senders.md, "Telling deliveries apart"). The key is provider-prefixed so one unique index covers both.
/// </summary>
public static class DedupeKeys
{
    public static string For(string provider, string? senderDeliveryId, string bodySha256) =>
        provider == IdibuSender.SenderName && !string.IsNullOrWhiteSpace(senderDeliveryId)
            ? $"idibu:id:{Fit(senderDeliveryId)}"
            : $"{provider}:sha256:{bodySha256}";

    // Keep the key within its column even when a sender sends an absurdly long id.
    private static string Fit(string id) =>
        id.Length <= 96 ? id : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
