using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Dashboard.Ingestion;

/// <summary>A whole body, or the status it is refused with when it cannot be had.</summary>
public readonly record struct WebhookBody(byte[]? Bytes, int RefusalStatus)
{
    public static WebhookBody Read(byte[] bytes) => new(bytes, 0);
    public static WebhookBody TooLarge => new(null, StatusCodes.Status413PayloadTooLarge);
    public static WebhookBody Refused(int status) => new(null, status);
}

/// <summary>
/// Reads a request body whole, stopping as soon as it is known to exceed the limit. A body Kestrel gives up on (too
/// slow: 408; broken chunking: 400) or a sender that hangs up is a refusal too, not an exception: the sender is
/// the one at fault, and an exception would be logged as the app's own error.
/// </summary>
public static class WebhookBodyReader
{
    public static async Task<WebhookBody> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit) return WebhookBody.TooLarge;

        // Kestrel also enforces the limit for chunked bodies; one byte more tells "at the limit" from "over it".
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit + 1;

        var buffer = new ArrayBufferWriter<byte>((int)Math.Clamp(context.Request.ContentLength ?? 16 * 1024, 256, limit + 1));
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(8 * 1024);
                var read = await context.Request.Body.ReadAsync(memory, cancellationToken);
                if (read == 0) break;
                buffer.Advance(read);
                if (buffer.WrittenCount > limit) return WebhookBody.TooLarge;
            }
        }
        catch (BadHttpRequestException ex)
        {
            return WebhookBody.Refused(ex.StatusCode);
        }
        catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            return WebhookBody.Refused(StatusCodes.Status400BadRequest);
        }
        return WebhookBody.Read(buffer.WrittenSpan.ToArray());
    }
}
