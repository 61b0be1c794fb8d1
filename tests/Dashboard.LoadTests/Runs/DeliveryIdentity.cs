using Dashboard.LoadTests.Traffic;

namespace Dashboard.LoadTests.Runs;

/// <summary>How the drill tells deliveries apart: by body, and as the sender sees one (body and headers).</summary>
public static class DeliveryIdentity
{
    /// <summary>What the store's body hash identifies; several deliveries may share one body.</summary>
    public static string BodyKey(LoadRequest request) => $"{request.Provider}\t{request.BodySha256}";

    /// <summary>One delivery as the sender sees it: its body and its headers (a re-sent copy has both the same).</summary>
    public static string Of(LoadRequest request) =>
        $"{BodyKey(request)}\t{string.Join(";", request.Headers.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}={h.Value}"))}";
}
