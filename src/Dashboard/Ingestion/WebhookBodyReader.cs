using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Dashboard.Ingestion;

/// <summary>Reads a request body whole, or returns null as soon as it is known to exceed the limit.</summary>
public static class WebhookBodyReader
{
    public static async Task<byte[]?> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit) return null;

        // Kestrel also enforces the limit for chunked bodies; ours is far below its 30 MB default.
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
                if (buffer.WrittenCount > limit) return null;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.WrittenSpan.ToArray();
    }
}
