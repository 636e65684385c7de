using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MockLoop.Web.Data;

namespace MockLoop.Web.Accounts.External;

/// <summary>Who a provider says someone is, in the few facts MockLoop uses.</summary>
public sealed record ExternalIdentity(string Provider, string ProviderDisplayName, string Key, string? Email, bool EmailVerified, string? Name)
{
    public static ExternalIdentity? From(ExternalLoginInfo info)
    {
        var p = info.Principal;
        var email = (p.FindFirstValue(ClaimTypes.Email) ?? p.FindFirstValue("email"))?.Trim();
        // Only an explicit true counts: a provider that says nothing has not verified anything.
        var verified = string.Equals(p.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        var name = p.FindFirstValue("name") ?? p.FindFirstValue(ClaimTypes.Name);
        return string.IsNullOrEmpty(info.ProviderKey) ? null
            : new ExternalIdentity(info.LoginProvider, info.ProviderDisplayName ?? info.LoginProvider, info.ProviderKey, email, verified, name);
    }
}

public enum ExternalOutcome { SignedIn, CheckInbox, NoEmail, Linked, LinkedElsewhere, Failed }

/// <summary>
/// What an external sign-in does to accounts. A known sign-in signs its account in. A new one makes an account,
/// confirmed only when the provider says the email is verified. An email that already has an account is never
/// linked here: its owner is mailed, and links the provider from "Sign-in methods" after signing in (the proof).
/// </summary>
public sealed class ExternalAccounts(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMails mails, ExternalMails externalMails, TimeProvider clock)
{
    public async Task<ExternalOutcome> SignInAsync(ExternalIdentity who)
    {
        var known = await users.FindByLoginAsync(who.Provider, who.Key);
        if (known is not null)
        {
            if (!await signIn.CanSignInAsync(known))
            {
                await mails.SendConfirmationAsync(known);
                return ExternalOutcome.CheckInbox;
            }
            await signIn.SignInAsync(known, isPersistent: true, authenticationMethod: who.Provider);
            return ExternalOutcome.SignedIn;
        }
        if (string.IsNullOrEmpty(who.Email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(who.Email))
        {
            return ExternalOutcome.NoEmail;
        }
        if (await users.FindByEmailAsync(who.Email) is { } owner)
        {
            await externalMails.SendLinkOfferAsync(owner, who.ProviderDisplayName);
            return ExternalOutcome.CheckInbox;
        }

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = who.Email, Email = who.Email, EmailConfirmed = who.EmailVerified,
            DisplayName = DisplayNameFor(who), CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded || !(await users.AddLoginAsync(user, new UserLoginInfo(who.Provider, who.Key, who.ProviderDisplayName))).Succeeded)
        {
            return ExternalOutcome.Failed;
        }
        if (!who.EmailVerified)
        {
            await mails.SendConfirmationAsync(user);
            return ExternalOutcome.CheckInbox;
        }
        await signIn.SignInAsync(user, isPersistent: true, authenticationMethod: who.Provider);
        return ExternalOutcome.SignedIn;
    }

    /// <summary>Adds a provider to the signed-in account (being signed in is the proof of owning it).</summary>
    public async Task<ExternalOutcome> LinkAsync(AppUser user, ExternalIdentity who)
    {
        var holder = await users.FindByLoginAsync(who.Provider, who.Key);
        if (holder is not null)
        {
            return holder.Id == user.Id ? ExternalOutcome.Linked : ExternalOutcome.LinkedElsewhere;
        }
        var added = await users.AddLoginAsync(user, new UserLoginInfo(who.Provider, who.Key, who.ProviderDisplayName));
        return added.Succeeded ? ExternalOutcome.Linked : ExternalOutcome.Failed;
    }

    /// <summary>Never removes the last way in: an account without a password keeps at least one provider.</summary>
    public async Task<bool> RemoveAsync(AppUser user, string provider, string key)
    {
        var logins = await users.GetLoginsAsync(user);
        if (!logins.Any(l => l.LoginProvider == provider && l.ProviderKey == key)
            || (!await users.HasPasswordAsync(user) && logins.Count <= 1))
        {
            return false;
        }
        return (await users.RemoveLoginAsync(user, provider, key)).Succeeded;
    }

    private static string DisplayNameFor(ExternalIdentity who)
    {
        var name = string.IsNullOrWhiteSpace(who.Name) ? who.Email![..who.Email!.IndexOf('@')] : who.Name.Trim();
        return name.Length > AppUser.DisplayNameMaxLength ? name[..AppUser.DisplayNameMaxLength] : name;
    }
}
