using Dashboard.Analytics.Index;

namespace Dashboard.Tests.Analytics.Index;

/// <summary>
/// The index keeps its vacancies in label order between figures; a vacancy added or renamed since is where its new
/// label puts it in the next figure, never where the kept order had it.
/// </summary>
public sealed class VacancyLabelOrderTests
{
    [Fact]
    public void VacanciesAreListedByLabelThenIdAndOnlyOnceTheyHaveARow()
    {
        var index = new IdibuFigureIndex();
        index.PutVacancy("v3", "nurse", null, active: true);
        index.PutVacancy("v1", "Welder", null, active: true);
        index.PutVacancy("v2", "Nurse", null, active: true);
        // A pair may name a vacancy before the vacancy's own row arrives.
        var candidate = index.PutCandidate("c1", 0, null, null, null, null);
        index.PutPair(candidate, "v9", 0, null, []);

        Assert.Equal(["v2", "v3", "v1"], Listed(index));
    }

    [Fact]
    public void ARenamedVacancyMovesToItsNewLabel()
    {
        var index = new IdibuFigureIndex();
        index.PutVacancy("v1", "Accountant", null, active: true);
        index.PutVacancy("v2", "Baker", null, active: true);
        Assert.Equal(["v1", "v2"], Listed(index));

        index.PutVacancy("v1", "Carpenter", null, active: true);

        Assert.Equal(["v2", "v1"], Listed(index));
    }

    [Fact]
    public void AVacancyAddedAfterAListingIsInTheNext()
    {
        var index = new IdibuFigureIndex();
        index.PutVacancy("v1", "Baker", null, active: true);
        Assert.Equal(["v1"], Listed(index));

        index.PutVacancy("v2", "Accountant", null, active: true);

        Assert.Equal(["v2", "v1"], Listed(index));
    }

    private static List<string> Listed(IdibuFigureIndex index) => index.VacanciesInLabelOrder().Select(v => index.Vacancies[v]).ToList();
}
