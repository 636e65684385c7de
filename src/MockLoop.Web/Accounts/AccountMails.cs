using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MockLoop.Web.Data;
using MockLoop.Web.Schedule.Mail;

namespace MockLoop.Web.Accounts;

/// <summary>The words of the account mails. Links carry Identity's own tokens (confirmation, password reset).</summary>
public sealed class AccountMails(UserManager<AppUser> users, Mailer mailer, IOptions<MailOptions> options)
{
    public const string ConfirmSubject = "Confirm your MockLoop account";
    public const string AlreadyRegisteredSubject = "Someone tried to create a MockLoop account with your address";
    public const string ResetSubject = "Set a new MockLoop password";
    public const string NoAccountSubject = "MockLoop password reset: no account uses this address";

    public async Task SendConfirmationAsync(AppUser user, string? returnUrl = null)
    {
        var link = Link(AccountLinks.Confirm(user.Id, await users.GenerateEmailConfirmationTokenAsync(user), returnUrl));
        var body = $"""
            Hello {user.DisplayName},

            Confirm your email address to open your MockLoop account:
            {link}

            The link works for a day. Then sign in with the password you chose: {Link("/account/login")}
            If you did not create an account, ignore this mail; nothing happens without the link.
            """;
        await mailer.SendAsync(new OutgoingMail(Address(user), user.DisplayName, ConfirmSubject, body));
    }

    public async Task SendAlreadyRegisteredAsync(AppUser user)
    {
        var unconfirmed = user.EmailConfirmed
            ? ""
            : $"""

            Your account was never confirmed. Confirm it with this link, then sign in with the password chosen then:
            {Link(AccountLinks.Confirm(user.Id, await users.GenerateEmailConfirmationTokenAsync(user)))}

            """;
        var body = $"""
            Hello {user.DisplayName},

            Someone (perhaps you) tried to create a MockLoop account with this address, which already has one.
            Nothing was changed.
            {unconfirmed}
            Sign in: {Link("/account/login")}
            Forgot your password? Set a new one: {Link("/account/forgot")}
            If it was not you, ignore this mail.
            """;
        await mailer.SendAsync(new OutgoingMail(Address(user), user.DisplayName, AlreadyRegisteredSubject, body));
    }

    public async Task SendPasswordResetAsync(AppUser user)
    {
        var link = Link(AccountLinks.Reset(user.Id, await users.GeneratePasswordResetTokenAsync(user)));
        var body = $"""
            Hello {user.DisplayName},

            Set a new password for your MockLoop account with this link (it works for a day, once):
            {link}

            If you did not ask for it, ignore this mail; your password stays as it is.
            """;
        await mailer.SendAsync(new OutgoingMail(Address(user), user.DisplayName, ResetSubject, body));
    }

    public async Task SendNoAccountAsync(string email)
    {
        var body = $"""
            Hello,

            Someone (perhaps you) asked to reset the MockLoop password of this address, but no account uses it.
            Create one: {Link("/account/register")}
            If it was not you, ignore this mail.
            """;
        await mailer.SendAsync(new OutgoingMail(email, email, NoAccountSubject, body));
    }

    private static string Address(AppUser user) => user.Email ?? throw new InvalidOperationException("A user without an email address.");

    private string Link(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;
}
