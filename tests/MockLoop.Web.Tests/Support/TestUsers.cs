using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;

namespace MockLoop.Web.Tests.Support;

/// <summary>
/// People for tests that are not about registering: made through the app's own UserManager and confirmed with a real
/// confirmation token, the state a person is in after following the mailed link. Registration itself is tested
/// through the form and the real mail (AccountTests, <see cref="FormPosts.RegisterAndConfirmAsync"/>).
/// </summary>
public static class TestUsers
{
    public static async Task<Guid> CreateConfirmedAsync(IServiceProvider services, string email, string displayName, string password = FormPosts.Password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password));
        Check(await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user)));
        return user.Id;
    }

    public static string UniqueEmail(string displayName) =>
        $"{displayName.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid().ToString("N")[..12]}@example.test";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Test user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
