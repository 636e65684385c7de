using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MockLoop.Web.Components;

/// <summary>
/// Cache-busting URLs for files under wwwroot (stylesheets, the room's scripts), computed once per file per process:
/// the files only change with a new build.
/// </summary>
public sealed class StaticAssetVersions(IWebHostEnvironment env)
{
    private readonly ConcurrentDictionary<string, string> _versioned = new();

    public string Versioned(string path) => _versioned.GetOrAdd(path, p =>
    {
        var file = env.WebRootFileProvider.GetFileInfo(p);
        if (!file.Exists || file.PhysicalPath is null)
        {
            return "/" + p;
        }
        using var stream = file.CreateReadStream();
        var hash = Convert.ToHexString(SHA256.HashData(stream))[..12].ToLowerInvariant();
        return $"/{p}?v={hash}";
    });
}
