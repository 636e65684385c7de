using Microsoft.Extensions.Options;

namespace MockLoop.Web.Security;

/// <summary>
/// How many form posts of each kind one client may make per window (section "RateLimits"). Sign-in and registration
/// count per network address, since nobody is signed in yet; the others count per signed-in user.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in attempts per address: enough for typos, too few to spray passwords.</summary>
    public int SignIn { get; set; } = 10;

    public int Register { get; set; } = 5;

    public int CreateSession { get; set; } = 20;

    public int JoinSession { get; set; } = 30;

    public int RubricUpload { get; set; } = 10;
}

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var problems = new List<string>();
        if (options.Window <= TimeSpan.Zero)
        {
            problems.Add("RateLimits:Window must be positive.");
        }
        foreach (var (key, value) in new[]
                 {
                     (nameof(options.SignIn), options.SignIn), (nameof(options.Register), options.Register),
                     (nameof(options.CreateSession), options.CreateSession), (nameof(options.JoinSession), options.JoinSession),
                     (nameof(options.RubricUpload), options.RubricUpload),
                 })
        {
            if (value < 1)
            {
                problems.Add($"RateLimits:{key} must be at least 1 (it is {value}).");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
