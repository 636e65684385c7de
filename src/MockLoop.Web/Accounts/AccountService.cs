using Microsoft.AspNetCore.Identity;
using MockLoop.Web.Data;

namespace MockLoop.Web.Accounts;

public sealed record RegistrationResult(bool Succeeded, IReadOnlyList<string> Errors);

public enum SignInOutcome { SignedIn, WrongCredentials, LockedOut }

/// <summary>Registration and sign-in, shared by the account pages and nothing else.</summary>
public sealed class AccountService(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock)
{
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

    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember)
    {
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, remember, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.WrongCredentials;
    }
}
