using Microsoft.Extensions.Options;
using MimeKit;

namespace MockLoop.Web.Schedule.Mail;

/// <summary>The SMTP server account and scheduling mail goes through, bound to the "Mail" section and checked at start-up.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;

    /// <summary>None, StartTls or SslOnConnect. None is for a development server on loopback.</summary>
    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "MockLoop";

    /// <summary>The public address of the app, for links in mail ("https://mockloop.example").</summary>
    public string PublicBaseUrl { get; set; } = "";
}

public enum MailSecurity { None, StartTls, SslOnConnect }

internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var problems = new List<string>();
        var at = MailOptions.Section;
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            problems.Add($"{at}:Host is required: the SMTP server account and scheduling mail is sent through (./mockloop run starts one).");
        }
        if (options.Port is < 1 or > 65535)
        {
            problems.Add($"{at}:Port must be between 1 and 65535.");
        }
        if (!Enum.IsDefined(options.Security))
        {
            problems.Add($"{at}:Security must be None, StartTls or SslOnConnect.");
        }
        if (!MailboxAddress.TryParse(options.FromAddress, out var from) || !from.Address.Contains('@'))
        {
            problems.Add($"{at}:FromAddress must be an email address.");
        }
        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            problems.Add($"{at}:UserName and Password go together.");
        }
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            problems.Add($"{at}:PublicBaseUrl must be the app's absolute http(s) address, for links in mail.");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
