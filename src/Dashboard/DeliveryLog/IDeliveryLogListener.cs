namespace Dashboard.DeliveryLog;

/// <summary>
/// Told as deliveries come to the log, so whoever reads the log (the projector) needs no poll and the log knows
/// nothing of its readers.
/// </summary>
public interface IDeliveryLogListener
{
    /// <summary>A delivery was handed to the log and waits for its commit.</summary>
    void Arrived();

    /// <summary>Deliveries were committed.</summary>
    void Committed();
}
