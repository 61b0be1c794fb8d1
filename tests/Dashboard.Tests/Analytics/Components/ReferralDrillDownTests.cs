using Bunit;
using Dashboard.Analytics;
using Dashboard.Analytics.Components;
using Dashboard.Tests.Analytics.Pages;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Analytics.Components;

/// <summary>The list behind a referral figure, as a recruiter reads it.</summary>
public sealed class ReferralDrillDownTests : BunitContext, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void TheOtherBucketListsWhatTheSenderWroteAsPlainText()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IAnalyticsQueries>(new FakeAnalyticsQueries(FakeAnswer.Data));
        Render<MudPopoverProvider>();

        var list = Render<ReferralDrillDown>(p => p
            .Add(d => d.Title, "Referrals closed as Other")
            .Add(d => d.Filter, AnalyticsFilter.None)
            .Add(d => d.Selection, new ReferralSelection(CloseReason: ReferralBuckets.Other)));

        list.WaitForAssertion(() => Assert.Contains("&lt;b&gt;X&lt;/b&gt;", list.Markup));
        var cells = list.FindAll("td").Select(td => td.TextContent).ToList();
        Assert.Contains("<b>X</b>", cells);
        Assert.Contains("Z", cells);
        Assert.Contains("POSITIVE", cells);
        Assert.Empty(list.FindAll("td b"));
        Assert.Contains("Close reason", list.Markup);
    }
}
