using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Dashboard.DeliveryLog;
using Dashboard.SenderKeys;
using Dashboard.Senders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingestion;

/// <summary>
/// One webhook request, from key check to answer: 401 before anything is read (429 instead while the address is
/// throttled for failing too often), 413 over the limit, else the delivery is committed (or found to be a duplicate)
/// and only then answered. A request that passes every check is taken even from a throttled address: senders such as
/// firstbird share their addresses, so one misconfigured endpoint must not hold up the correct ones.
/// </summary>
public sealed class WebhookIntake(
    SenderKeyRing keys,
    AuthFailureCounter authFailures,
    AuthFailureThrottle throttle,
    DeliveryLogWriter writer,
    SenderSecurity senderSecurity,
    IOptions<WebhookOptions> options,
    RefusalLog refusals,
    TimeProvider clock,
    ILogger<WebhookIntake> logger)
{
    private const string RetryAfterSeconds = "5";
    private int _inFlight;

    /// <summary>Deliveries past their key check and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public async Task<Results<JsonHttpResult<WebhookAnswer>, ProblemHttpResult>> ReceiveAsync(ISender sender, string key, HttpContext context, CancellationToken cancellationToken)
    {
        var provider = sender.Name;
        var address = context.Connection.RemoteIpAddress;
        if (!await keys.IsValidAsync(provider, key, cancellationToken))
        {
            if (Throttled(address, context) is { } throttled) return throttled;
            authFailures.Record(provider);
            throttle.RecordFailure(address);
            logger.LogWarning("Rejected a delivery for {Provider}: missing or wrong key", provider);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown endpoint key",
                detail: "The key in the webhook URL is missing, wrong, expired or revoked. Copy the URL again from the admin console.");
        }

        if (Interlocked.Increment(ref _inFlight) > options.Value.MaxDeliveriesInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            return Busy(provider, context, "this instance is working on as many deliveries as it takes at once");
        }
        try
        {
            return await ReceiveKnownAsync(sender, address, context, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<Results<JsonHttpResult<WebhookAnswer>, ProblemHttpResult>> ReceiveKnownAsync(ISender sender, System.Net.IPAddress? address, HttpContext context, CancellationToken cancellationToken)
    {
        var provider = sender.Name;
        var read = await WebhookBodyReader.ReadAsync(context, options.Value.MaxBodyBytes, cancellationToken);
        if (read.Bytes is not { } body)
        {
            logger.LogInformation("A {Provider} body could not be read (answered {Status}); nothing was stored", provider, read.RefusalStatus);
            if (read.RefusalStatus == StatusCodes.Status413PayloadTooLarge)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large",
                    detail: $"Webhook bodies may be at most {options.Value.MaxBodyBytes} bytes.");
            }
            return TypedResults.Problem(statusCode: read.RefusalStatus, title: "Body could not be read",
                detail: "The body arrived too slowly, was cut short or was badly framed. Nothing was stored; please retry.");
        }

        var check = await senderSecurity.CheckAsync(provider, context.Request, body, cancellationToken);
        if (!check.Allowed)
        {
            if (Throttled(address, context) is { } throttled) return throttled;
            authFailures.Record(provider);
            throttle.RecordFailure(address);
            logger.LogWarning("Refused a delivery for {Provider}: {Problem}", provider, check.Problem);
            return TypedResults.Problem(statusCode: check.StatusCode, title: "Sender check failed", detail: check.Problem);
        }

        var delivery = BuildDelivery(sender, body, context.Request);
        delivery.SignatureCheck = check.Signature;
        DeliveryReceipt receipt;
        try
        {
            receipt = await writer.AppendAsync(delivery, cancellationToken);
        }
        catch (StoreUnavailableException ex)
        {
            return Busy(provider, context, ex.Message);
        }

        LogReceipt(provider, receipt);
        return TypedResults.Json(WebhookAnswer.From(receipt), WebhookAnswer.SerializerOptions);
    }

    private ProblemHttpResult Busy(string provider, HttpContext context, string reason)
    {
        refusals.Refused(provider, reason);
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Store unavailable",
            detail: $"The delivery was not stored ({reason}). Please retry.");
    }

    /// <summary>
    /// 429 for a failed check from an address still throttled; neither counted nor logged again, so a stale endpoint
    /// stops costing a store write and a log line per retry.
    /// </summary>
    private ProblemHttpResult? Throttled(System.Net.IPAddress? address, HttpContext context)
    {
        if (throttle.RetryAfter(address) is not { } wait) return null;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed key checks",
            detail: "This address presented too many wrong endpoint keys. Wait for the time in Retry-After, then check the webhook URL.");
    }

    private Delivery BuildDelivery(ISender sender, byte[] body, HttpRequest request)
    {
        var headers = SenderHeaders.From(request.Headers);
        var contentType = request.ContentType;
        var classification = sender.Classify(body, contentType, headers.EventHeader);
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(body));

        return new Delivery
        {
            Provider = sender.Name,
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
            DedupeKey = sender.DedupeKey(headers.DeliveryId, bodyHash),
            SenderDeliveryId = Clip(headers.DeliveryId, 128),
            EventHeader = Clip(headers.EventHeader, 128),
            EventName = classification.EventName,
            UserAgent = Clip(request.Headers.UserAgent.ToString(), 256),
            ContentType = Clip(contentType, 128),
            HeadersJson = JsonSerializer.Serialize(headers.Kept),
            Body = body,
            BodySha256 = bodyHash,
            BodyLength = body.Length,
            Status = classification.Understood ? DeliveryStatus.Accepted : DeliveryStatus.Quarantined,
            StatusReason = Clip(classification.QuarantineReason ?? classification.Note, 1024),
        };
    }

    private void LogReceipt(string provider, DeliveryReceipt receipt)
    {
        if (receipt.Duplicate)
            logger.LogInformation("{Provider} delivery {DeliveryId} arrived again", provider, receipt.DeliveryId);
        else if (receipt.Status == DeliveryStatus.Quarantined)
            logger.LogWarning("{Provider} delivery {DeliveryId} quarantined: {Reason}", provider, receipt.DeliveryId, receipt.Reason);
        else
            logger.LogInformation("{Provider} delivery {DeliveryId} accepted", provider, receipt.DeliveryId);
    }

    private static string? Clip(string? text, int length) =>
        string.IsNullOrEmpty(text) ? null : text.Length <= length ? text : text[..length];
}
