namespace Dashboard.Senders;

/// <summary>What a sender can add to the URL key to prove a delivery is its own; the sender-check form offers that.</summary>
public enum SenderProof
{
    /// <summary>HTTP Basic credentials set in the sender's webhook settings.</summary>
    BasicCredentials,

    /// <summary>A shared secret: the body's HMAC-SHA256 in the <c>Authorization</c> header.</summary>
    BodySignature,
}
