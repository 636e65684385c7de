using Microsoft.Extensions.Options;
using MockLoop.Web.Data;
using MockLoop.Web.Schedule.Mail;

namespace MockLoop.Web.Accounts.External;

/// <summary>The one mail of external sign-in: an address that has an account was used at another provider.</summary>
public sealed class ExternalMails(Mailer mailer, IOptions<MailOptions> options)
{
    public const string LinkOfferSubject = "Use your MockLoop account with another sign-in";

    public async Task SendLinkOfferAsync(AppUser user, string providerName)
    {
        var site = options.Value.PublicBaseUrl.TrimEnd('/');
        var body = $"""
            Hello {user.DisplayName},

            Someone (perhaps you) tried to sign in to MockLoop with {providerName}, which gave this address. It already
            has a MockLoop account, so nothing was changed and nobody was signed in.

            To sign in with {providerName} from now on, sign in to your account once and add it under "Sign-in methods":
            {site}/account/login?returnUrl=%2Faccount%2Fsign-ins
            If it was not you, ignore this mail.
            """;
        await mailer.SendAsync(new OutgoingMail(user.Email!, user.DisplayName, LinkOfferSubject, body));
    }
}
