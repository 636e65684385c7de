using Microsoft.AspNetCore.Identity;
using MockLoop.Web.Data;

namespace MockLoop.Web.Accounts;

/// <summary>Bad input (weak password, invalid name) is told; whether the email already has an account never is.</summary>
public sealed record RegistrationResult(bool Succeeded, IReadOnlyList<string> Errors);

/// <summary>
/// A locked account is not told apart from wrong credentials (see SignInAsync). <see cref="NotConfirmed"/> is only
/// answered to someone who gave the account's right password, so it tells nothing to anyone who lacks it.
/// </summary>
public enum SignInOutcome { SignedIn, WrongCredentials, NotConfirmed }

public enum LinkOutcome { Done, InvalidLink }

/// <summary>Registration, confirmation, sign-in and password reset, shared by the account pages and nothing else.</summary>
public sealed class AccountService(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, AccountMails mails,
    TimeProvider clock, ILogger<AccountService> logger)
{
    /// <summary>A hash of nothing anyone knows, checked when there is no real one, so every sign-in costs one hash.</summary>
    private static string? _decoyHash;

    /// <summary>
    /// Answers the same for a new and a known email, after the same work: one password hash and one mail. A new email
    /// gets an unconfirmed account and a confirmation link; a known one gets a note that someone tried to register
    /// with it. Nobody is signed in: the account opens once its owner confirms the address.
    /// </summary>
    /// <param name="returnUrl">Where the person was going (an invite link): the confirmation link leads on there.</param>
    public async Task<RegistrationResult> RegisterAsync(string email, string displayName, string password, string? returnUrl = null)
    {
        email = email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                Email = email,
                DisplayName = displayName.Trim(),
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(user, password);
            if (created.Succeeded)
            {
                await SendQuietlyAsync(mails.SendConfirmationAsync(user, returnUrl));
                return new RegistrationResult(true, []);
            }
            if (!created.Errors.Any(IsDuplicate))
            {
                return new RegistrationResult(false, created.Errors.Select(e => e.Description).ToList());
            }
            // Registered by someone else a moment ago: from here on it is a known email.
            existing = await users.FindByEmailAsync(email);
            if (existing is null)
            {
                return new RegistrationResult(false, created.Errors.Select(e => e.Description).ToList());
            }
        }

        // The same checks and the same one hash as for a new account, so neither errors nor timing tell them apart.
        var problems = await PasswordProblemsAsync(existing, password);
        if (problems.Count > 0)
        {
            return new RegistrationResult(false, problems);
        }
        hasher.HashPassword(new AppUser(), password);
        await SendQuietlyAsync(mails.SendAlreadyRegisteredAsync(existing));
        return new RegistrationResult(true, []);
    }

    /// <summary>
    /// Signs in, or says only that it did not: an unknown email, a wrong password and a locked account look the same
    /// to the caller (<see cref="SignInOutcome.WrongCredentials"/>) and each costs one password-hash check, so neither
    /// the answer nor its timing tells which emails have accounts. The right password of an unconfirmed account
    /// sends a new confirmation link.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByNameAsync(email.Trim());
        if (user is null)
        {
            VerifyDecoy(password);
            return SignInOutcome.WrongCredentials;
        }
        if (!user.EmailConfirmed)
        {
            return await CheckUnconfirmedAsync(user, password);
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // Identity answers a locked account before hashing; hash anyway so it takes as long as any other failure.
            VerifyDecoy(password);
        }
        return result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.WrongCredentials;
    }

    /// <summary>
    /// Identity refuses an unconfirmed account before it checks the password (and so without hashing); this checks
    /// it the same way a confirmed account's is checked, with the same lockout.
    /// </summary>
    private async Task<SignInOutcome> CheckUnconfirmedAsync(AppUser user, string password)
    {
        if (await users.IsLockedOutAsync(user))
        {
            VerifyDecoy(password);
            return SignInOutcome.WrongCredentials;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return SignInOutcome.WrongCredentials;
        }
        await users.ResetAccessFailedCountAsync(user);
        await SendQuietlyAsync(mails.SendConfirmationAsync(user));
        return SignInOutcome.NotConfirmed;
    }

    public async Task<LinkOutcome> ConfirmEmailAsync(string? userId, string? code)
    {
        if (await UserOfLinkAsync(userId) is not { } user || AccountLinks.DecodeToken(code) is not { } token)
        {
            return LinkOutcome.InvalidLink;
        }
        if (user.EmailConfirmed)
        {
            return LinkOutcome.Done; // A second click on the same link.
        }
        return (await users.ConfirmEmailAsync(user, token)).Succeeded ? LinkOutcome.Done : LinkOutcome.InvalidLink;
    }

    /// <summary>The same answer and work for any email: a reset link to an account's address, a note to any other.</summary>
    public async Task RequestPasswordResetAsync(string email)
    {
        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        await SendQuietlyAsync(user is null ? mails.SendNoAccountAsync(email) : mails.SendPasswordResetAsync(user));
    }

    /// <summary>A reset from a mailed link also proves the address, so it confirms an unconfirmed account.</summary>
    public async Task<(LinkOutcome Outcome, IReadOnlyList<string> Errors)> ResetPasswordAsync(string? userId, string? code, string password)
    {
        if (await UserOfLinkAsync(userId) is not { } user || AccountLinks.DecodeToken(code) is not { } token)
        {
            return (LinkOutcome.InvalidLink, []);
        }
        var problems = await PasswordProblemsAsync(user, password);
        if (problems.Count > 0)
        {
            return (LinkOutcome.Done, problems);
        }
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? (LinkOutcome.InvalidLink, [])
                : (LinkOutcome.Done, reset.Errors.Select(e => e.Description).ToList());
        }
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.ResetAccessFailedCountAsync(user);
        return (LinkOutcome.Done, []);
    }

    private async Task<AppUser?> UserOfLinkAsync(string? userId) =>
        Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;

    private async Task<List<string>> PasswordProblemsAsync(AppUser user, string password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return problems;
    }

    private static bool IsDuplicate(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);

    /// <summary>
    /// A mail that cannot be sent does not change the answer (that would tell which kind it was); it is logged, and
    /// the person can get another link by signing in or asking for a password reset.
    /// </summary>
    private async Task SendQuietlyAsync(Task sending)
    {
        try
        {
            await sending;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "An account mail could not be sent");
        }
    }

    private void VerifyDecoy(string password)
    {
        var decoy = new AppUser();
        _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(decoy, _decoyHash, password);
    }
}
