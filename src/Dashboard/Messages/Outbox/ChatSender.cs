using Dashboard.Messages.Alerts;

namespace Dashboard.Messages.Outbox;

/// <summary>
/// Posts an outbox chat message to its alert rule's incoming webhook as <c>{"text": …}</c>, which Slack and Teams
/// both take. The webhook's address is a secret: it is read from the rule at the moment of sending and appears in no
/// error and no log line.
/// </summary>
public sealed class ChatSender(IHttpClientFactory http, AlertRulesAdmin rules)
{
    public const string ClientName = "chat-webhook";

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.AlertRuleId is not { } ruleId || await rules.ChatWebhookAsync(ruleId, ct) is not { } webhook)
            throw new SendFailedException("The alert rule no longer has a chat webhook.");
        HttpResponseMessage answer;
        try
        {
            using var client = http.CreateClient(ClientName);
            answer = await client.PostAsJsonAsync(webhook, new ChatPost(message.TextBody), ct);
        }
        catch (HttpRequestException ex)
        {
            throw new SendFailedException($"The chat webhook could not be reached ({ex.HttpRequestError}).");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SendFailedException("The chat webhook did not answer in time.");
        }
        using (answer)
        {
            if (!answer.IsSuccessStatusCode)
                throw new SendFailedException($"The chat webhook answered {(int)answer.StatusCode} {answer.ReasonPhrase}.");
        }
    }

    private sealed record ChatPost(string Text);
}
