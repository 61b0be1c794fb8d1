using System.Net;

namespace Dashboard.Messages.Digests;

/// <summary>
/// Where a digest's unsubscribe link leads, without signing in. Opening the link asks for one click (link checkers
/// in mail systems open links, and must not unsubscribe anyone); posting to it, as the button and mail programs'
/// own unsubscribe do, stops the digest. A link that is not one the app signed is refused.
/// </summary>
public static class UnsubscribePage
{
    public static async Task<IResult> ShowAsync(string? token, UnsubscribeLinks links, DigestSubscriptions subscriptions, CancellationToken ct)
    {
        if (links.Read(token) is not { } id) return Refused();
        if (await subscriptions.NameOfAsync(id, ct) is not { } name) return Page(200, "Unsubscribed", "<p>This email is already stopped: nothing more will come.</p>");
        var action = $"{UnsubscribeLinks.Path}?token={Uri.EscapeDataString(token!)}";
        return Page(200, "Unsubscribe",
            $"<p>Stop the email <strong>{E(name)}</strong>?</p>" +
            $"<form method=\"post\" action=\"{E(action)}\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    public static async Task<IResult> UnsubscribeAsync(string? token, UnsubscribeLinks links, DigestSubscriptions subscriptions, CancellationToken ct)
    {
        if (links.Read(token) is not { } id) return Refused();
        await subscriptions.UnsubscribeAsync(id, ct);
        return Page(200, "Unsubscribed", "<p>Done: this email will not come again. You can subscribe again from the dashboard's <em>Email digests</em> page.</p>");
    }

    private static IResult Refused() =>
        Page(400, "Link not valid", "<p>This unsubscribe link is not one the dashboard sent, or it was changed. Use the link in the email itself, or stop the email on the dashboard's <em>Email digests</em> page.</p>");

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{E(title)}</title><style>body{{font-family:Arial,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}}" +
        $"button{{font-size:1rem;padding:.5rem 1rem}}</style></head><body><h1>{E(title)}</h1>{body}</body></html>",
        "text/html; charset=utf-8", statusCode: status);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
