using Microsoft.AspNetCore.Identity;
using MockLoop.Web.Data;

namespace MockLoop.Web.Tests.Support;

/// <summary>The real hasher, counting its work: how "the same answer after the same work" is tested without timing.</summary>
public sealed class CountingHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _real = new();
    private int _hashes;
    private int _verifications;

    public int Hashes => _hashes;
    public int Verifications => _verifications;

    public string HashPassword(AppUser user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _real.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
