using System.Globalization;

namespace Dashboard.Simulation;

/// <summary>
/// An agency's idibu statuses: the small cast's seven, then "extra" ones of its own. Most carry labels the funnel's
/// rules place in a stage (docs/funnel.md); the rest (on hold, withdrawn, ...) count nowhere. Taken in an order that
/// mixes every kind, so a smaller agency still has some of each.
/// </summary>
internal sealed class AgencyStatuses
{
    private const int FirstExtraId = 242;

    // Stage of each group: the funnel's five, Rejected, then the two kinds that count nowhere.
    private static readonly (string? Stage, bool Interim, string[] Labels)[] Groups =
    [
        ("Applied", false, ["New", "Added", "Applied", "Applicant"]),
        ("Shortlisted", false, ["Client shortlist", "Shortlisted by consultant", "Shortlist - priority", "Shortlist (internal)", "Shortlisted for assessment"]),
        ("Interview", false, ["Phone interview", "Second interview", "Final interview", "Video interview", "Interview booked", "Interview feedback pending", "First interview", "Panel interview"]),
        ("Offer", false, ["Offer accepted", "Verbal offer", "Written offer sent", "Offer negotiation", "Conditional offer", "Offer pending references"]),
        ("Placed", false, ["Placed - contract", "Placed - permanent", "Placement confirmed", "Placed - temp to perm", "Placement started", "Placed via partner"]),
        ("Rejected", false, ["Rejected by client", "Rejected - not qualified", "Rejected - salary", "Rejected - right to work", "Client rejected CV", "Rejected at screening", "Rejected - no show", "Rejected - culture fit", "Rejected - overqualified"]),
        (null, true, ["CV sent to client", "Awaiting feedback", "Longlist", "On hold", "References requested", "Compliance checks", "Client review", "Pre-screen call"]),
        (null, false, ["Withdrawn", "No response", "Not suitable", "Position filled", "Candidate declined", "Accepted elsewhere", "Vacancy cancelled"]),
    ];

    private static readonly IReadOnlyList<(SampleStatus Status, bool Interim)> Extras = Interleaved();

    private readonly List<SampleStatus>[] _stages;

    private AgencyStatuses(int count)
    {
        var small = new List<SampleStatus>([.. SampleCast.Path, SampleCast.Rejected, SampleCast.KeepOnFile]);
        var extras = Enumerable.Range(0, Math.Max(0, count - small.Count)).Select(Extra).ToList();
        All = [.. small, .. extras.Select(e => e.Status)];
        _stages = SampleCast.Path.Select(status => new List<SampleStatus> { status }).ToArray();
        Rejections = [SampleCast.Rejected, SampleCast.KeepOnFile];
        foreach (var (status, interim) in extras)
        {
            if (status.Stage is null) (interim ? Interim : Exits).Add(status);
            else if (status.Stage == SampleCast.Rejected.Stage) Rejections.Add(status);
            else _stages[Array.IndexOf(SampleCast.Stages, status.Stage)].Add(status);
        }
    }

    public IReadOnlyList<SampleStatus> All { get; }

    /// <summary>Statuses a pair may pass through between stages without counting anywhere.</summary>
    public List<SampleStatus> Interim { get; } = [];

    /// <summary>Statuses a pair may end on that count nowhere, rejected in all but name.</summary>
    public List<SampleStatus> Exits { get; } = [];

    /// <summary>Statuses of the Rejected target; the small cast's Rejected first.</summary>
    public List<SampleStatus> Rejections { get; }

    /// <summary>The first <paramref name="count"/> statuses, never fewer than the small cast's seven.</summary>
    public static AgencyStatuses First(int count) => new(count);

    /// <summary>The statuses of the funnel stage at <paramref name="index"/>; the small cast's first.</summary>
    public IReadOnlyList<SampleStatus> Stage(int index) => _stages[index];

    private static (SampleStatus Status, bool Interim) Extra(int index)
    {
        if (index < Extras.Count) return Extras[index];
        // Past the named ones, an agency's further inventions: labels no rule places.
        var id = (FirstExtraId + index).ToString(CultureInfo.InvariantCulture);
        return (new SampleStatus(id, "extra", $"Custom step {index + 1}", null), true);
    }

    private static List<(SampleStatus, bool)> Interleaved()
    {
        var result = new List<(SampleStatus, bool)>();
        for (var round = 0; result.Count < Groups.Sum(g => g.Labels.Length); round++)
        {
            foreach (var (stage, interim, labels) in Groups)
            {
                if (round >= labels.Length) continue;
                var id = (FirstExtraId + result.Count).ToString(CultureInfo.InvariantCulture);
                result.Add((new SampleStatus(id, "extra", labels[round], stage), interim));
            }
        }
        return result;
    }
}
