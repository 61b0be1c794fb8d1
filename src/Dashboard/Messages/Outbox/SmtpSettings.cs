using MailKit.Security;
using MimeKit;

namespace Dashboard.Messages.Outbox;

/// <summary>
/// The mail server, from <c>Smtp:*</c>. Without <c>Smtp:Host</c> no email can leave: messages wait in the outbox
/// (and fail there, visibly) until one is set. A setting that cannot work stops start-up with the reason.
/// </summary>
public sealed record SmtpSettings(string? Host, int Port, SecureSocketOptions Security, string? User, string? Password, MailboxAddress? From)
{
    public bool IsSet => Host is not null && From is not null;

    public static SmtpSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Smtp");
        var host = Clean(section["Host"]);
        var port = section.GetValue("Port", 587);
        if (port is < 1 or > 65535) throw new InvalidOperationException("Smtp:Port must be between 1 and 65535.");
        var security = Clean(section["Security"]) switch
        {
            null or "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            "StartTlsWhenAvailable" => SecureSocketOptions.StartTlsWhenAvailable,
            "None" => SecureSocketOptions.None,
            _ => throw new InvalidOperationException("Smtp:Security must be StartTls (the default), SslOnConnect, StartTlsWhenAvailable or None."),
        };
        MailboxAddress? from = null;
        if (Clean(section["From"]) is { } fromText && !MailboxAddress.TryParse(fromText, out from))
            throw new InvalidOperationException("Smtp:From must be an email address, optionally with a name: Dashboard <dashboard@example.com>.");
        if (host is not null && from is null) throw new InvalidOperationException("Smtp:From must be set when Smtp:Host is.");
        return new SmtpSettings(host, port, security, Clean(section["User"]), section["Password"], from);
    }

    // The password stays out of anything that prints this.
    public override string ToString() => $"SMTP server {Host ?? "(none)"}:{Port}";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
