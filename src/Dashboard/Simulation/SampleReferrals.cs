using System.Text.Json.Nodes;

namespace Dashboard.Simulation;

/// <summary>firstbird referral applications and what happens to them, as events in time order.</summary>
internal static class SampleReferrals
{
    private static readonly string[] Types = ["referral", "link", "share", "application"];
    private static readonly string?[] CloseReasons = ["CANDIDATE_REJECTED", "CANDIDATE_WITHDRAWN", "CANDIDATE_KNOWN", null];
    private static readonly string[] Feedback = ["POSITIVE", "NEUTRAL", "NEGATIVE"];

    public static List<SampleReferralEvent> Generate(Random random, SampleWorld world, DateTimeOffset start, TimeSpan period, int count, int firstNumber = 1)
    {
        var events = new List<SampleReferralEvent>();
        for (var i = firstNumber; i < firstNumber + count; i++)
        {
            var id = $"00000000-0000-4000-8000-{i:D12}";
            var vacancy = world.ReferralVacancy(random);
            var at = start.AddMinutes(random.Next(0, (int)period.TotalMinutes));
            events.Add(new("job_application.received", id, at, new()
            {
                ["job_id"] = "job-" + vacancy.Id,
                ["type"] = Types[random.Next(Types.Length)],
                ["applicant"] = new JsonObject
                {
                    ["id"] = $"ap-{i}", ["first_name"] = SampleCast.FirstNames[random.Next(SampleCast.FirstNames.Length)],
                    ["last_name"] = SampleCast.LastNames[random.Next(SampleCast.LastNames.Length)], ["email"] = $"applicant{i}@example.org",
                },
                ["job"] = new JsonObject { ["id"] = "job-" + vacancy.Id, ["title"] = vacancy.Title },
            }));
            if (random.NextDouble() < 0.8)
                events.Add(new("job_application.rated", id, at = at.AddHours(random.Next(4, 96)), new()
                {
                    ["rating"] = "ABC"[random.Next(3)].ToString(), ["initial"] = true, ["user_id"] = "recruiter-1",
                }));
            if (random.NextDouble() < 0.3)
                events.Add(new("job_application.referral_added", id, at.AddHours(random.Next(1, 48)), new()
                {
                    ["referral_id"] = $"ref-{i}", ["referral_type"] = Feedback[random.Next(Feedback.Length)],
                    ["connection"] = "Former coworker", ["reason"] = "Reliable and kind", ["user_id"] = "scout-1",
                }));
            var outcome = random.NextDouble();
            if (outcome < 0.25)
                events.Add(new("job_application.hired", id, at = at.AddDays(random.Next(5, 30)), new()
                {
                    ["pay_reward"] = random.NextDouble() < 0.7, ["first_day_of_work"] = at.AddDays(30).ToString("yyyy-MM-dd"), ["user_id"] = "recruiter-1",
                }));
            else if (outcome < 0.65)
                events.Add(new("job_application.closed", id, at = at.AddDays(random.Next(2, 20)), new()
                {
                    ["close_reason"] = CloseReasons[random.Next(CloseReasons.Length)], ["user_id"] = "recruiter-1",
                }));
            if (random.NextDouble() < 0.05)
                events.Add(new("job_application.deleted", id, at.AddDays(1), new() { ["user_id"] = "recruiter-1" }));
        }
        return events.OrderBy(e => e.At).ToList();
    }

    /// <summary>Packs events into batches, in time order, as firstbird batches its sends: one to ten unless a size is given.</summary>
    public static List<SampleDelivery> Batches(Random random, List<SampleReferralEvent> events, int? batchSize = null)
    {
        var batches = new List<SampleDelivery>();
        for (var i = 0; i < events.Count;)
        {
            var size = Math.Min(batchSize ?? random.Next(1, 11), events.Count - i);
            batches.Add(SamplePayloads.FirstbirdBatch(events.GetRange(i, size)));
            i += size;
        }
        return batches;
    }
}
