namespace Dashboard.Senders;

/// <summary>What the receiver makes of a body before it answers: its event, and whether it is understood at all.</summary>
public sealed record Classification(string? EventName, string? QuarantineReason, string? Note)
{
    public bool Understood => QuarantineReason is null;
}
