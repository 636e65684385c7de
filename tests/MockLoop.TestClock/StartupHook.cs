using System.Runtime.Loader;

#pragma warning disable CA1050 // The runtime looks for a type named StartupHook in no namespace.

/// <summary>
/// Lets a published app that never referenced this assembly load it as a hosting startup: the runtime loads this file
/// by path (DOTNET_STARTUP_HOOKS) before Main, and ASP.NET Core then asks for the assembly by name
/// (ASPNETCORE_HOSTINGSTARTUPASSEMBLIES), which is not in the app's dependencies; this answers with the loaded copy.
/// </summary>
internal static class StartupHook
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        var name = self.GetName().Name;
        AssemblyLoadContext.Default.Resolving += (_, wanted) => wanted.Name == name ? self : null;
    }
}
