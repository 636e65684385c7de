using Microsoft.AspNetCore.Identity;
using MockLoop.Web.Data;

namespace MockLoop.Web.Accounts;

public sealed record RegistrationResult(bool Succeeded, IReadOnlyList<string> Errors);

/// <summary>Deliberately two outcomes: a locked account is not told apart from wrong credentials (see SignInAsync).</summary>
public enum SignInOutcome { SignedIn, WrongCredentials }

/// <summary>Registration and sign-in, shared by the account pages and nothing else.</summary>
public sealed class AccountService(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, TimeProvider clock)
{
    /// <summary>A hash of nothing anyone knows, checked when there is no real one, so every sign-in costs one hash.</summary>
    private static string? _decoyHash;

    public async Task<RegistrationResult> RegisterAsync(string email, string displayName, string password)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = displayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            return new RegistrationResult(false, result.Errors.Select(e => e.Description).ToList());
        }
        await signIn.SignInAsync(user, isPersistent: true);
        return new RegistrationResult(true, []);
    }

    /// <summary>
    /// Signs in, or says only that it did not: an unknown email, a wrong password and a locked account look the same
    /// to the caller (<see cref="SignInOutcome.WrongCredentials"/>) and each costs one password-hash check, so neither
    /// the answer nor its timing tells which emails have accounts.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByNameAsync(email.Trim());
        if (user is null)
        {
            VerifyDecoy(password);
            return SignInOutcome.WrongCredentials;
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // Identity answers a locked account before hashing; hash anyway so it takes as long as any other failure.
            VerifyDecoy(password);
        }
        return result.Succeeded ? SignInOutcome.SignedIn : SignInOutcome.WrongCredentials;
    }

    private void VerifyDecoy(string password)
    {
        var decoy = new AppUser();
        _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(decoy, _decoyHash, password);
    }
}
