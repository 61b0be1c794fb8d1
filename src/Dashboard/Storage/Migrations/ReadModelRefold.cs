using Dashboard.Instances;

namespace Dashboard.Storage.Migrations;

/// <summary>
/// The statements of a migration that changes how deliveries fold into figures: the read model is emptied and every
/// delivery but the erased ones is queued again, as an admin's rebuild does, so the projector folds the whole log by
/// the new rules once the app has started. Rows folded by the old rules would otherwise stay as they were until the
/// next delivery about the same candidate or application. Written in SQL both databases read alike.
/// </summary>
internal static class ReadModelRefold
{
    // In the order the rebuild empties them: rows that point at others go first. The list is the read model as these
    // migrations found it, written out rather than taken from DeliveryReplay, so a later migration that adds or
    // renames a table cannot change what an earlier one did.
    private static readonly string[] ReadModelTables =
    [
        "IdibuStatusObservations", "IdibuApplications", "IdibuSnapshots", "IdibuCandidates", "IdibuVacancies",
        "IdibuStatuses", "FirstbirdEvents", "ReferralApplications", "QuarantinedEnvelopes",
    ];

    public static IEnumerable<string> Statements() =>
        ReadModelTables.Select(table => $"DELETE FROM \"{table}\";")
            .Append("UPDATE \"Deliveries\" SET \"Status\" = 'Accepted', \"StatusReason\" = NULL, \"ProjectedAt\" = NULL "
                + "WHERE \"Status\" <> 'Erased';");
}
