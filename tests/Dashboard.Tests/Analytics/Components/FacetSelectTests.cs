using Bunit;
using Dashboard.Analytics;
using Dashboard.Analytics.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Analytics.Components;

/// <summary>
/// A facet of thousands of values (an agency's vacancies): the page carries none of them until someone looks, then a
/// page of matches for what they type.
/// </summary>
public sealed class FacetSelectTests : BunitContext, IAsyncLifetime
{
    private static readonly IReadOnlyList<FilterOption> Vacancies =
        Enumerable.Range(1, 20_000).Select(i => new FilterOption($"{i}", $"Vacancy {i:D5}")).ToList();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public FacetSelectTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void ClosedItRendersNoneOfTheOptions()
    {
        var popovers = Render<MudPopoverProvider>();
        var field = Render<FacetSelect>(p => p.Add(f => f.Label, "Vacancy").Add(f => f.Options, Vacancies));

        // A select keeps a component per option on the page even while closed; this field keeps a handful in all.
        Assert.InRange(field.FindComponents<ComponentBase>().Count, 1, 30);
        Assert.Empty(popovers.FindAll(".mud-list-item"));
        Assert.DoesNotContain("Vacancy 00001", popovers.Markup + field.Markup);
    }

    [Fact]
    public async Task TypingListsAPageOfMatchesAndChoosingOneRaisesItsValue()
    {
        string? chosen = "unset";
        var popovers = Render<MudPopoverProvider>();
        var field = Render<FacetSelect>(p => p
            .Add(f => f.Label, "Vacancy").Add(f => f.Options, Vacancies).Add(f => f.ValueChanged, v => chosen = v));

        var input = field.Find("input");
        await input.InputAsync(new() { Value = "Vacancy 1999" });
        popovers.WaitForAssertion(() => Assert.Equal(10, popovers.FindAll(".mud-list-item").Count), TimeSpan.FromSeconds(5));
        Assert.Contains("Vacancy 19990", popovers.Markup);

        await popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Vacancy 19993")).ClickAsync(new());
        Assert.Equal("19993", chosen);
    }

    [Fact]
    public async Task WithoutTextItListsTheFirstFiftyAndSaysHowManyThereAre()
    {
        var popovers = Render<MudPopoverProvider>();
        var field = Render<FacetSelect>(p => p.Add(f => f.Label, "Vacancy").Add(f => f.Options, Vacancies));

        await field.Find("input").InputAsync(new() { Value = " " });
        popovers.WaitForAssertion(() => Assert.Equal(50, popovers.FindAll(".mud-list-item").Count), TimeSpan.FromSeconds(5));
        Assert.Contains("The first 50 of 20,000 are listed", popovers.Markup);
    }

    [Fact]
    public async Task TabbingIntoItLeavesItsListClosedUntilEnterOpensIt()
    {
        string? chosen = "unset";
        var popovers = Render<MudPopoverProvider>();
        var field = Render<FacetSelect>(p => p
            .Add(f => f.Label, "Vacancy").Add(f => f.Options, Vacancies).Add(f => f.ValueChanged, v => chosen = v));

        var input = field.Find("input");
        await input.FocusAsync(new());
        Assert.Empty(popovers.FindAll(".mud-popover-open .mud-list-item"));

        await input.KeyUpAsync(new KeyboardEventArgs { Key = "Enter" });
        popovers.WaitForAssertion(() => Assert.Equal(50, popovers.FindAll(".mud-popover-open .mud-list-item").Count), TimeSpan.FromSeconds(5));
        Assert.Equal("unset", chosen);
    }

    [Fact]
    public void AChosenValueShowsByItsLabelAndOneNoOptionHasByItself()
    {
        var known = Render<FacetSelect>(p => p.Add(f => f.Label, "Vacancy").Add(f => f.Options, Vacancies).Add(f => f.Value, "42"));
        Assert.Equal("Vacancy 00042", known.Find("input").GetAttribute("value"));

        var gone = Render<FacetSelect>(p => p.Add(f => f.Label, "Vacancy").Add(f => f.Options, Vacancies).Add(f => f.Value, "gone-99"));
        Assert.Equal("gone-99", gone.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void ItsButtonsAreNamedForScreenReaders()
    {
        var field = Render<FacetSelect>(p => p.Add(f => f.Label, "Vacancy").Add(f => f.Options, Vacancies).Add(f => f.Value, "42"));

        Assert.All(field.FindAll("button"), button => Assert.False(string.IsNullOrWhiteSpace(button.GetAttribute("aria-label")), button.OuterHtml));
        Assert.Contains(field.FindAll("button"), b => b.GetAttribute("aria-label") == "List the vacancy choices");
    }
}
