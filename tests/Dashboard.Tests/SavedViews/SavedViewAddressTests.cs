using Dashboard.SavedViews;

namespace Dashboard.Tests.SavedViews;

/// <summary>What a saved view stores of a page's address: the page and its filters, written one way.</summary>
public sealed class SavedViewAddressTests
{
    [Theory]
    [InlineData("sources?source=Linked%20In&range=30d&welcome=1#main-content", "/sources?range=30d&source=Linked%20In")]
    [InlineData("?range=90d", "/")]
    [InlineData("", "/")]
    [InlineData("funnel?range=custom&from=2026-01-01&to=2026-03-31&vacancy=77", "/funnel?range=custom&from=2026-01-01&to=2026-03-31&vacancy=77")]
    [InlineData("quality?range=nonsense&location=%3Cb%3E", "/quality?location=%3Cb%3E")]
    public void APagesAddressIsSavedAsThePageShowsIt(string address, string saved) =>
        Assert.Equal(saved, SavedViewAddress.OfPageAt(address)!.Href);

    [Theory]
    [InlineData("admin/people")]
    [InlineData("views")]
    [InlineData("account/tokens?range=30d")]
    [InlineData("candidates/7001")]
    public void OnlyTheDashboardsPagesOfFiguresAreViews(string address) => Assert.Null(SavedViewAddress.OfPageAt(address));

    [Fact]
    public void AStoredViewOfAPageSinceRemovedOpensTheOverviewWithItsFilters() =>
        Assert.Equal("/?source=LinkedIn", SavedViewAddress.Stored("/pipeline", "source=LinkedIn").Href);
}
