namespace Dashboard.Simulation;

/// <summary>The fixed cast of the generated world: vacancies, sources, consultants and idibu statuses.</summary>
internal static class SampleCast
{
    public static readonly SampleVacancy[] Vacancies =
    [
        new("9001", "Recruitment Consultant", "RC-01", "London", "GB"),
        new("9002", "Backend Engineer", "BE-02", "Berlin", "DE"),
        new("9003", "Payroll Specialist", "PS-03", "Manchester", "GB"),
        new("9004", "Sales Manager", "SM-04", "Vienna", "AT"),
        new("9005", "Data Analyst", "DA-05", "Remote", "GB"),
        new("9006", "Nurse", "NU-06", "Leeds", "GB"),
        new("9007", "Warehouse Lead", "WL-07", "Hamburg", "DE"),
        new("9008", "Office Assistant", "OA-08", null, null),
    ];

    public static readonly string?[] Sources = ["LinkedIn", "Indeed", "CV-Library", "Referral", "Company website", null];
    public static readonly double[] SourceWeights = [0.3, 0.25, 0.15, 0.1, 0.12, 0.08];

    public static readonly SampleConsultant[] Consultants =
    [
        new("501", "Tim", "Parker"), new("502", "Asha", "Rao"), new("503", "Lena", "Vogel"),
        new("504", "Omar", "Haddad"), new("505", "Grace", "Okafor"),
    ];

    public static readonly SampleStatus Applicants = new("11", "default", "Applicants", "Applied");
    public static readonly SampleStatus Shortlist = new("12", "default", "Shortlist", "Shortlisted");
    public static readonly SampleStatus Interview = new("239", "extra", "Invite in for Interview", "Interview");
    public static readonly SampleStatus Offer = new("240", "extra", "Offer", "Offer");
    public static readonly SampleStatus Placed = new("241", "extra", "Placed", "Placed");
    public static readonly SampleStatus Rejected = new("13", "default", "Rejected", "Rejected");
    public static readonly SampleStatus KeepOnFile = new("14", "default", "Keep on file", "Rejected");

    public static readonly SampleStatus[] Path = [Applicants, Shortlist, Interview, Offer, Placed];
    public static readonly double[] Progress = [0.65, 0.6, 0.5, 0.7];
    public static readonly string[] Stages = ["Applied", "Shortlisted", "Interview", "Offer", "Placed"];

    public static readonly string[] FirstNames = ["Jess", "Amir", "Sofia", "Liam", "Mei", "Noah", "Zara", "Jonas", "Ines", "Kofi", "Ava", "Luca"];
    public static readonly string[] LastNames = ["Quincy", "Khan", "Rossi", "Murphy", "Chen", "Schmidt", "Ali", "Berg", "Costa", "Mensah", "Novak"];
}
