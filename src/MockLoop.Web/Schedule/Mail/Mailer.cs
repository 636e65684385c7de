using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MockLoop.Web.Schedule.Mail;

/// <summary>One outgoing mail: plain text, and an optional .ics invite attached (and inline, for calendar clients).</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string Body, string? Ics = null);

/// <summary>Sends mail through the configured SMTP server with MailKit; one connection per mail (the volume is tiny).</summary>
public sealed class Mailer(IOptions<MailOptions> options, ILogger<Mailer> logger)
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken ct = default)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Body };
        if (mail.Ics is not null)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(mail.Ics);
            body.Attachments.Add("invite.ics", bytes, new ContentType("text", "calendar")
            {
                Charset = "utf-8",
                Parameters = { { "method", mail.Ics.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? "CANCEL" : "REQUEST" } },
            });
        }
        message.Body = body.ToMessageBody();

        using var client = new SmtpClient();
        var security = settings.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.Host, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
        logger.LogInformation("Sent \"{Subject}\" to {To}", mail.Subject, mail.ToAddress);
    }
}
