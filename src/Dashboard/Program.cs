using Dashboard.Access;
using Dashboard.Access.People;
using Dashboard.Access.SignIn;
using Dashboard.Access.Tokens;
using Dashboard.Admin;
using Dashboard.Analytics;
using Dashboard.Analytics.Funnel;
using Dashboard.Components;
using Dashboard.Deliveries;
using Dashboard.DeliveryLog;
using Dashboard.Hosting;
using Dashboard.Ingestion;
using Dashboard.Kiosk;
using Dashboard.Messages;
using Dashboard.Moving;
using Dashboard.Projection;
using Dashboard.SavedViews;
using Dashboard.SenderKeys;
using Dashboard.Simulation;
using Dashboard.Storage;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(AppFolder.Options(args));
if (args.FirstOrDefault() == "simulate")
    return await SimulateCommand.RunAsync(args[1..], builder.Configuration, Console.Out, CancellationToken.None);
if (args.FirstOrDefault() == "move-store")
    return await MoveStoreCommand.RunAsync(args[1..], builder.Configuration, builder.Environment.ContentRootPath, Console.Out);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddErrorAnswers();
builder.Services.AddOpenApi();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
builder.AddStructuredLogging()
    .AddConnectionLimits()
    .AddSecurityHeaders()
    .AddReverseProxy()
    .AddStorage()
    .AddAccess()
    .AddSenderKeys()
    .AddDeliveryLog()
    .AddIngestion()
    .AddProjection()
    .AddAnalytics()
    .AddFunnel()
    .AddDeliveries()
    .AddAdmin()
    .AddMessages()
    .AddSavedViews()
    .AddKiosks()
    .AddSimulation();

var app = builder.Build();
await app.PrepareStoreAsync(async () =>
{
    await app.SeedSenderKeysAsync();
    await app.SeedAccessAsync();
});

app.UseReverseProxy();
app.UseSecurityHeaders();
app.UseRouteTemplateRequestLogging();
app.UseExceptionHandler();
app.UseAuthentication();
app.UseAuthorization();
app.UseAccessChecks();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.MapHealth();
app.MapIngestion();
app.MapSenderKeysApi();
app.MapAnalyticsApi();
app.MapFunnelApi();
app.MapDeliveriesApi();
app.MapPeopleApi();
app.MapTokenApi();
app.MapAdminApi();
app.MapMessages();
app.MapSavedViewsApi();
app.MapKioskAdminApi();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

public partial class Program;
