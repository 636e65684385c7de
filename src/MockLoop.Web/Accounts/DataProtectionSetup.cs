using Microsoft.AspNetCore.DataProtection;

namespace MockLoop.Web.Accounts;

internal static class DataProtectionSetup
{
    /// <summary>
    /// Sign-in cookies are encrypted with data-protection keys. In a container the default key folder is lost on
    /// restart (and differs per node), signing everyone out; DataProtection:KeysDirectory points at a shared volume.
    /// </summary>
    public static void AddSharedKeys(this IHostApplicationBuilder builder)
    {
        var directory = builder.Configuration["DataProtection:KeysDirectory"];
        var protection = builder.Services.AddDataProtection().SetApplicationName("MockLoop");
        if (!string.IsNullOrWhiteSpace(directory))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(directory));
        }
    }
}
