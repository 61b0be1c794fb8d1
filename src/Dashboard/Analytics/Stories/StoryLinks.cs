namespace Dashboard.Analytics.Stories;

/// <summary>Where the story behind a row of a list is told; ids are sender text, so they are escaped into the path.</summary>
public static class StoryLinks
{
    public static string Candidate(string candidateId) => $"candidates/{Uri.EscapeDataString(candidateId)}";

    public static string ReferralApplication(string applicationId) => $"referrals/applications/{Uri.EscapeDataString(applicationId)}";

    public static string Delivery(long deliveryId) => $"admin/deliveries/{deliveryId}";
}
