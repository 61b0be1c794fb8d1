namespace Dashboard.Analytics.Funnel;

/// <summary>
/// The funnel as it stands: ordered stages, and where each idibu status goes. Applied at query time, so a change
/// re-draws history too. Statuses nobody mapped fall back to rules over their label (docs/funnel.md).
/// </summary>
public sealed class FunnelDefinition
{
    public const string Rejected = "Rejected";
    public const string Ignored = "None";

    public static readonly IReadOnlyList<string> DefaultStages = ["Applied", "Shortlisted", "Interview", "Offer", "Placed"];

    private readonly IReadOnlyDictionary<string, string> _explicit;

    public FunnelDefinition(IReadOnlyList<string> stages, IReadOnlyDictionary<string, string> explicitMappings)
    {
        if (stages.Count == 0) throw new ArgumentException("A funnel needs at least one stage.", nameof(stages));
        Stages = stages;
        _explicit = explicitMappings;
    }

    public static FunnelDefinition Default { get; } = new(DefaultStages, new Dictionary<string, string>());

    public IReadOnlyList<string> Stages { get; }

    /// <summary>The last stage: a pair that reaches it is placed.</summary>
    public string PlacedStage => Stages[^1];

    /// <summary>A stage name, <see cref="Rejected"/>, or null for a status that counts nowhere.</summary>
    public string? TargetOf(string statusKey, string? label)
    {
        if (_explicit.TryGetValue(statusKey, out var chosen))
            return chosen == Ignored ? null : chosen == Rejected || Stages.Contains(chosen) ? chosen : null;
        var byRule = DefaultStatusRules.TargetOf(statusKey, label);
        return byRule is null || byRule == Rejected || Stages.Contains(byRule) ? byRule : null;
    }

    public int StageIndexOf(string? target)
    {
        if (target is null) return -1;
        for (var stage = 0; stage < Stages.Count; stage++)
            if (Stages[stage] == target) return stage;
        return -1;
    }
}

/// <summary>idibu's known labels, matched loosely since agencies rename and add their own.</summary>
public static class DefaultStatusRules
{
    public static string? TargetOf(string statusKey, string? label)
    {
        // Applicants is the one status id idibu documents (default:11); legacy payloads send it without a label.
        if (statusKey == "default:11") return "Applied";
        if (string.IsNullOrWhiteSpace(label)) return null;

        var text = label.Trim().ToLowerInvariant();
        if (text is "applicants" or "applicant" or "new" or "added" or "applied") return "Applied";
        if (text.Contains("shortlist")) return "Shortlisted";
        if (text.Contains("interview")) return "Interview";
        if (text.Contains("offer")) return "Offer";
        if (text.Contains("placed") || text.Contains("placement")) return "Placed";
        if (text.Contains("reject") || text == "keep on file") return FunnelDefinition.Rejected;
        return null;
    }
}
