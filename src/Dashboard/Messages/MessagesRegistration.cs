using System.Security.Claims;
using Dashboard.Access;
using Dashboard.Hosting;
using Dashboard.Messages.AgencyZone;
using Dashboard.Messages.Alerts;
using Dashboard.Messages.Digests;
using Dashboard.Messages.Outbox;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Messages;

/// <summary>Figures that come to people: the agency's time zone, digests by email, alerts by email and chat, the outbox.</summary>
public static class MessagesRegistration
{
    public static WebApplicationBuilder AddMessages(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // Read now, so a setting that cannot work stops start-up with its reason instead of failing a send at 08:00.
        services.AddSingleton(AgencyTimeZoneDefault.From(configuration));
        services.AddSingleton(SmtpSettings.Read(configuration));
        services.AddSingleton(PublicAddress.From(configuration));
        services.AddSingleton(RetrySchedule.From(configuration));
        services.AddSingleton(MessageRoundSettings.From(configuration));

        services.AddSingleton<AgencyTimeZone>();
        services.AddSingleton<IAgencyTimeZone>(sp => sp.GetRequiredService<AgencyTimeZone>());
        services.AddSingleton<UnsubscribeLinks>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<DigestSubscriptions>();
        services.AddSingleton<AlertConditions>();
        services.AddSingleton<AlertMonitor>();
        services.AddSingleton<AlertRulesAdmin>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<ChatSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxQueries>();
        services.AddSingleton<OutboxSignal>();
        // The factory's own request log names the full address, and a chat webhook's address is its credential.
        services.AddHttpClient(ChatSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(20))
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.AddHostedService<MessageRounds>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AccessPolicies.Admin).WithRequestChecks();
        admin.MapGet("/time-zone", async (AgencyTimeZone zone, CancellationToken ct) =>
                TypedResults.Ok(new TimeZoneAnswer((await zone.CurrentAsync(ct)).Id, zone.Default.Id)))
            .WithSummary("The agency's time zone, which digests and alerts are scheduled and written in, and the configured default.");
        admin.MapPut("/time-zone", async Task<Results<NoContent, ProblemHttpResult>> (TimeZoneChange change, ClaimsPrincipal user, AgencyTimeZone zone,
                CancellationToken ct) =>
                await zone.SetAsync(change.TimeZone, user, ct) is { } problem
                    ? new ParameterProblem("timeZone", problem).ToResult()
                    : TypedResults.NoContent())
            .WithSummary("Sets the agency's time zone: an IANA id such as Europe/Berlin, or UTC.");

        // No sign-in: the signed token is the credential. Mail programs post here themselves (RFC 8058).
        app.MapGet(UnsubscribeLinks.Path, UnsubscribePage.ShowAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(UnsubscribeLinks.Path, UnsubscribePage.UnsubscribeAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public sealed record TimeZoneAnswer(string TimeZone, string Default);

    public sealed record TimeZoneChange(string? TimeZone);
}
