using MailKit.Net.Smtp;
using MimeKit;

namespace Dashboard.Messages.Outbox;

/// <summary>Sends an outbox email through the <c>Smtp:*</c> server with MailKit.</summary>
public sealed class MailSender(SmtpSettings smtp)
{
    public const string ChartContentId = "figures-chart";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        if (!smtp.IsSet) throw new SendFailedException("No mail server is set: set Smtp:Host and Smtp:From.");
        var mime = Compose(message, smtp.From!);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, ct);
            if (smtp.User is not null) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // MailKit's messages name the server's answer, never the password or the message's content.
            throw new SendFailedException($"The mail server did not take it: {ex.Message}", ex);
        }
    }

    public static MimeMessage Compose(OutboxMessage message, MailboxAddress from)
    {
        var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(MailboxAddress.Parse(message.Recipient!));
        mime.Subject = message.Subject;
        // The same id on every try, so a server that took a try we did not hear back from can drop the repeat.
        mime.MessageId = $"outbox-{message.Id}-{message.CreatedAt.Ticks}@{from.Domain}";
        var body = new BodyBuilder { TextBody = message.TextBody };
        if (message.ChartPng is { } png)
        {
            var chart = body.LinkedResources.Add("figures.png", png, new ContentType("image", "png"));
            chart.ContentId = ChartContentId;
        }
        body.HtmlBody = message.HtmlBody;
        mime.Body = body.ToMessageBody();
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail programs offer their own unsubscribe button and post to the link, no page in between.
            mime.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mime.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return mime;
    }
}

/// <summary>A try at sending failed; the message is for the outbox page and holds no secret.</summary>
public sealed class SendFailedException(string message, Exception? inner = null) : Exception(Shorten(message), inner)
{
    private static string Shorten(string message) => message.Length > 1000 ? message[..1000] + "…" : message;
}
