using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MockLoop.Web.Identity;

/// <summary>What a client may ask for: the OpenID Connect basics and one scope per read of the API.</summary>
public static class ProviderScopes
{
    public const string ProgressRead = "progress:read";
    public const string SessionsRead = "sessions:read";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, ProgressRead, SessionsRead,
    };

    /// <summary>How the consent page words each scope for the person deciding.</summary>
    public static string Describe(string scope) => scope switch
    {
        Scopes.OpenId => "Know who you are on MockLoop (your account id)",
        Scopes.Profile => "See your display name",
        Scopes.Email => "See your email address",
        Scopes.OfflineAccess => "Keep this access when you are not using it (until you remove it)",
        ProgressRead => "Read your progress: scores, trends, readiness and weak spots",
        SessionsRead => "Read your scored sessions: each scorecard and its report link",
        _ => scope,
    };
}
