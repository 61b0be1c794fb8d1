using Bunit;
using Dashboard.Analytics.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>Every dashboard page in each of its states: loading, empty, with figures, and failing.</summary>
public sealed class PageStateTests : BunitContext, IAsyncLifetime
{
    // MudBlazor's services only dispose asynchronously.
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    public static TheoryData<Type, string> Pages => new()
    {
        // Words only figures put on the page, as a reader sees them: never a tile's label, which is always there,
        // and never the markup, whose generated element ids can hold any run of digits.
        { typeof(OverviewPage), "40" },
        { typeof(SourcesPage), "LinkedIn" },
        { typeof(LocationsPage), "London" },
        { typeof(FunnelPage), "Nurse (NU-06)" },
        { typeof(ReferralsPage), "9.5" },
        { typeof(QualityPage), "120" },
    };

    private void Serve(FakeAnswer answer) => this.ServeDashboardPages(new FakeAnalyticsQueries(answer));

    [Theory]
    [MemberData(nameof(Pages))]
    public void WhileFiguresLoadThePageShowsPlaceholders(Type page, string figures)
    {
        Serve(FakeAnswer.Loading);
        var rendered = Render(page);
        // Skeletons stand where the figures will be; the tiles themselves are there in every state.
        Assert.NotEmpty(rendered.FindAll(".mud-skeleton"));
        Assert.DoesNotContain(figures, Text(rendered));
        Assert.Empty(rendered.FindAll(".mud-alert-filled-error, .mud-alert-text-error"));
        Assert.Equal("…", rendered.Find("[data-testid=as-of]").TextContent);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void WithNothingToShowThePageSaysWhereDeliveriesShouldGo(Type page, string _)
    {
        Serve(FakeAnswer.Empty);
        var rendered = Render(page);
        rendered.WaitForAssertion(() => Assert.Contains("webhooks/idibu/&lt;key&gt;", rendered.Markup));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void WithFiguresThePageShowsThem(Type page, string expected)
    {
        Serve(FakeAnswer.Data);
        var rendered = Render(page);
        rendered.WaitForAssertion(() => Assert.Contains(expected, Text(rendered)));
        // The live marker's words are there in every state; the time the figures were read is not.
        Assert.NotEqual("…", rendered.Find("[data-testid=as-of]").TextContent);
        Assert.DoesNotContain("webhooks/idibu/&lt;key&gt;", rendered.Markup);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void WhenTheStoreFailsThePageSaysSoWithoutCrashing(Type page, string _)
    {
        Serve(FakeAnswer.Error);
        var rendered = Render(page);
        rendered.WaitForAssertion(() => Assert.Contains("could not be loaded", rendered.Markup));
    }

    private static string Text(IRenderedComponent<IComponent> rendered) => string.Concat(rendered.Nodes.Select(node => node.TextContent));

    private IRenderedComponent<IComponent> Render(Type page) =>
        Render(builder =>
        {
            builder.OpenComponent(0, page);
            builder.CloseComponent();
        });
}
