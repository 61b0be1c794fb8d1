using System.Globalization;

namespace Dashboard.Simulation;

/// <summary>The words an agency's cast is named with: job titles, places, sources and consultants.</summary>
internal static class AgencyNames
{
    private static readonly string[] Roles =
    [
        "Recruitment Consultant", "Backend Engineer", "Payroll Specialist", "Sales Manager", "Data Analyst", "Nurse",
        "Warehouse Lead", "Office Assistant", "Care Worker", "Forklift Driver", "Customer Service Advisor",
        "Accounts Payable Clerk", "Project Manager", "Software Tester", "HGV Driver", "Electrician", "Chef de Partie",
        "Receptionist", "Marketing Executive", "HR Advisor", "Quantity Surveyor", "Site Manager", "Mechanical Engineer",
        "Support Worker", "Pharmacist", "Teacher", "Legal Secretary", "Financial Controller",
        "Business Analyst", "DevOps Engineer", "Frontend Developer", "Cleaner", "Security Officer", "Picker Packer",
        "Bookkeeper", "Field Sales Executive", "Call Centre Operator", "Dental Nurse", "Plumber", "Estimator",
        "Production Operative", "Buyer", "Logistics Coordinator", "Credit Controller", "Solicitor", "Social Worker",
        "Maintenance Technician", "Store Manager", "Graphic Designer", "IT Support Analyst",
    ];

    private static readonly string[] Seniorities = ["", "", "", "", "Senior ", "Junior ", "Lead ", "Trainee ", "Interim "];

    private static readonly string[] PlaceStarts =
    [
        "Ash", "Brook", "Clay", "Elm", "Fair", "Glen", "Green", "Hart", "Kings", "Lang", "Mill", "North", "Oak", "Red",
        "Stone", "West", "Wood", "Bright", "Cold", "East", "Haver", "Marsh", "Rother", "South", "Wil",
    ];

    private static readonly string[] PlaceEnds =
    [
        "ford", "field", "ton", "bury", "wick", "ham", "by", "stead", "well", "mouth", "dale", "bridge", "port", "ley",
        "worth", "minster", "hall", "stow", "burg", "heim",
    ];

    // Beyond the small cast's six: job boards, social networks and the agency's own channels, as idibu records them.
    private static readonly string[] Sources =
    [
        "Totaljobs", "Reed", "Monster", "Glassdoor", "StepStone", "XING", "Jobsite", "Guardian Jobs", "CWJobs", "Adzuna",
        "Google for Jobs", "Facebook", "Instagram", "Job fair", "Agency database", "Headhunting", "Walk-in",
        "University careers", "NHS Jobs", "Broadbean", "Workable", "ZipRecruiter", "CareerBuilder", "Dice", "karriere.at",
        "Stellenanzeigen.de", "Jobware", "meinestadt.de", "Indeed Sponsored", "LinkedIn Recruiter", "Email campaign",
        "Newsletter", "Word of mouth", "Twitter",
    ];

    private static readonly string[] ConsultantFirstNames =
    [
        "Anna", "Ben", "Chloe", "Daniel", "Emma", "Felix", "Hannah", "Isaac", "Julia", "Karim", "Laura", "Marco", "Nina",
        "Oliver", "Priya", "Ravi", "Sara", "Tom", "Uma", "Victor",
    ];

    private static readonly string[] ConsultantLastNames =
    [
        "Adams", "Baker", "Clarke", "Dubois", "Evans", "Fischer", "Grant", "Hughes", "Ibrahim", "Jones", "Keller",
        "Lewis", "Meyer", "Nolan", "Owens", "Patel", "Quinn", "Richter", "Singh", "Turner", "Usman", "Walsh", "Young",
        "Zimmer", "Brennan",
    ];

    public static string Title(Random random) => Seniorities[random.Next(Seniorities.Length)] + Roles[random.Next(Roles.Length)];

    /// <summary>The initials of a title, as agencies prefix their vacancy references.</summary>
    public static string Initials(string title) =>
        string.Concat(title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpperInvariant(word[0])));

    /// <summary>The <paramref name="index"/>th made-up town: 500 different ones, then numbered.</summary>
    public static string Place(int index)
    {
        var round = index / (PlaceStarts.Length * PlaceEnds.Length);
        var within = index % (PlaceStarts.Length * PlaceEnds.Length);
        var start = within % PlaceStarts.Length;
        // Shifting the ending with the start keeps neighbouring towns from sharing one, and never repeats a pair.
        var end = (within / PlaceStarts.Length + start) % PlaceEnds.Length;
        var name = PlaceStarts[start] + PlaceEnds[end];
        return round == 0 ? name : $"{name} {round + 1}";
    }

    public static string Source(int index) =>
        index < Sources.Length ? Sources[index] : $"Job board {(index + 1).ToString(CultureInfo.InvariantCulture)}";

    public static (string FirstName, string LastName) Consultant(int index)
    {
        var first = ConsultantFirstNames[index % ConsultantFirstNames.Length];
        var last = ConsultantLastNames[(index / ConsultantFirstNames.Length + index) % ConsultantLastNames.Length];
        var round = index / (ConsultantFirstNames.Length * ConsultantLastNames.Length);
        return (first, round == 0 ? last : $"{last} {round + 1}");
    }
}
