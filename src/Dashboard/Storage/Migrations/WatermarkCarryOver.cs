using Dashboard.Instances;

namespace Dashboard.Storage.Migrations;

/// <summary>
/// Carries a store over to the projection watermark, in SQL both databases read alike: the watermark is the highest
/// delivery marked projected; a delivery still waiting below it (queued again by a replay) is marked queued; the
/// projected ones go back to the normal case, which the watermark now covers. Their own projection times stay.
/// </summary>
internal static class WatermarkCarryOver
{
    private const string Watermark = "(SELECT \"DeliveryId\" FROM \"ProjectionWatermark\" WHERE \"Id\" = 1)";

    public static IEnumerable<string> Up() =>
    [
        "UPDATE \"ProjectionWatermark\" SET \"DeliveryId\" = "
        + "COALESCE((SELECT MAX(\"Id\") FROM \"Deliveries\" WHERE \"Status\" = 'Projected'), 0) WHERE \"Id\" = 1;",
        $"UPDATE \"Deliveries\" SET \"Status\" = 'Queued' WHERE \"Status\" = 'Accepted' AND \"Id\" <= {Watermark};",
        "UPDATE \"Deliveries\" SET \"Status\" = 'Accepted' WHERE \"Status\" = 'Projected';",
    ];

    /// <summary>Run before the watermark's table is dropped: every delivery it covers is marked projected again.</summary>
    public static IEnumerable<string> Down() =>
    [
        $"UPDATE \"Deliveries\" SET \"Status\" = 'Projected' WHERE \"Status\" = 'Accepted' AND \"Id\" <= {Watermark};",
        "UPDATE \"Deliveries\" SET \"Status\" = 'Accepted' WHERE \"Status\" = 'Queued';",
    ];
}
