using System.Net.Http.Json;
using System.Text.Json;

namespace Dashboard.Tests.Support;

/// <summary>Posts as the senders do, and reads the answer they would get.</summary>
public static class WebhookClient
{
    public static Task<HttpResponseMessage> PostIdibuAsync(
        this HttpClient client, byte[] body, string? deliveryId = null, string eventHeader = "candidate.update", string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/idibu/{key ?? DashboardApplication.IdibuKey}")
        {
            Content = Json(body),
        };
        request.Headers.UserAgent.ParseAdd("Idibu-Hookshot");
        request.Headers.Add("X-Idibu-Event", eventHeader);
        if (deliveryId is not null) request.Headers.Add("X-Idibu-Delivery", deliveryId);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostFirstbirdAsync(this HttpClient client, byte[] body, string? key = null) =>
        client.PostAsync($"/webhooks/firstbird/{key ?? DashboardApplication.FirstbirdKey}", Json(body));

    public static async Task<WebhookAnswerBody> AnswerAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<WebhookAnswerBody>(JsonSerializerOptions.Web))!;

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}

public sealed record WebhookAnswerBody(long DeliveryId, bool Duplicate, string Status, string? Reason);
