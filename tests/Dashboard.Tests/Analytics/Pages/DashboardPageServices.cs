using Bunit;
using Dashboard.Analytics;
using Dashboard.Messages.AgencyZone;
using Dashboard.Projection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Analytics.Pages;

/// <summary>What a dashboard page needs to render in a test: its figures from <paramref name="queries"/>, a signed-in recruiter.</summary>
public static class DashboardPageServices
{
    public static void ServeDashboardPages(this BunitContext context, IAnalyticsQueries queries)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(queries);
        context.Services.AddSingleton(new DashboardChanges(NullLogger<DashboardChanges>.Instance));
        context.Services.AddSingleton(new Dashboard.Analytics.Pages.CircuitConnection());
        context.Services.AddSingleton<IAgencyTimeZone>(new FixedAgencyTimeZone(TimeZoneInfo.Utc));
        context.Services.AddSingleton(TimeProvider.System);
        context.AddAuthorization().SetAuthorized("recruiter@example.com");
        context.Render<MudPopoverProvider>();
    }
}
