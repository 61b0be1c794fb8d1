namespace Dashboard.LoadTests.Traffic;

/// <summary>One webhook request ready to send; <see cref="Events"/> is how many sender events its body carries.</summary>
public sealed record LoadRequest(
    string Provider, byte[] Body, IReadOnlyDictionary<string, string> Headers, string BodySha256, int Events, bool IsDuplicate);
