namespace MockLoop.Web.Accounts;

internal static class LocalUrl
{
    /// <summary>Only same-site paths are followed after sign-in, so a crafted link cannot bounce people elsewhere.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
            ? url
            : "/";
}
