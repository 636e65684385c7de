namespace MockLoop.Web.Accounts.External;

/// <summary>The authentication schemes of the external providers, and how people see them named.</summary>
public static class ExternalProviders
{
    public const string Company = "company";
    public const string GitHub = "github";
    public const string Google = "google";

    /// <summary>Where each provider sends people back to (registered with the provider, exactly).</summary>
    public static string CallbackPath(string scheme) => "/signin-" + scheme;

    public static IReadOnlyList<(string Scheme, string DisplayName)> Configured(ExternalSignInOptions options)
    {
        var list = new List<(string, string)>();
        if (options.Company.Enabled)
        {
            list.Add((Company, options.Company.DisplayName));
        }
        if (options.GitHub.Enabled)
        {
            list.Add((GitHub, "GitHub"));
        }
        if (options.Google.Enabled)
        {
            list.Add((Google, "Google"));
        }
        return list;
    }
}
