using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;

namespace MockLoop.Web.Components;

/// <summary>
/// Cache-busting URLs for files under wwwroot, and the entry files of the client bundle from Vite's manifest.
/// Computed once per file per process: the files only change with a new build.
/// </summary>
public sealed class StaticAssetVersions(IWebHostEnvironment env)
{
    private readonly ConcurrentDictionary<string, string> _versioned = new();
    private readonly Lazy<IReadOnlyDictionary<string, ViteEntry>> _manifest = new(() => ReadManifest(env));

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

    /// <summary>The script and stylesheets Vite built for a client entry (e.g. "src/room/main.tsx").</summary>
    public ClientEntry Entry(string name)
    {
        if (!_manifest.Value.TryGetValue(name, out var entry))
        {
            throw new InvalidOperationException(
                $"The client bundle has no entry '{name}'. Build it: dotnet build (runs npm ci and vite build).");
        }
        // Stylesheets of shared chunks (CSS both entries import) are listed on those chunks, not on the entry.
        var styles = new List<string>();
        CollectCss(name, styles, []);
        return new ClientEntry("/app/" + entry.File, styles.Select(c => "/app/" + c).ToList());
    }

    private void CollectCss(string key, List<string> styles, HashSet<string> seen)
    {
        if (!seen.Add(key) || !_manifest.Value.TryGetValue(key, out var chunk))
        {
            return;
        }
        foreach (var import in chunk.Imports ?? [])
        {
            CollectCss(import, styles, seen);
        }
        styles.AddRange((chunk.Css ?? []).Where(c => !styles.Contains(c)));
    }

    private static IReadOnlyDictionary<string, ViteEntry> ReadManifest(IWebHostEnvironment env)
    {
        var file = env.WebRootFileProvider.GetFileInfo("app/.vite/manifest.json");
        if (!file.Exists)
        {
            return new Dictionary<string, ViteEntry>();
        }
        using var stream = file.CreateReadStream();
        return JsonSerializer.Deserialize<Dictionary<string, ViteEntry>>(stream, JsonSerializerOptions.Web)
            ?? new Dictionary<string, ViteEntry>();
    }

    private sealed record ViteEntry(string File, List<string>? Css, List<string>? Imports);
}

public sealed record ClientEntry(string Script, IReadOnlyList<string> Styles);
