using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MockLoop.E2E.Support;

/// <summary>
/// What a page loads must load: the assets its markup names (every <c>script src</c>, <c>link href</c> and import-map
/// entry, fetched with the person's cookies) and everything the browser asked for while the test ran (the scripts
/// those load in turn: the WebAssembly runtime and its assemblies). Issue 27: the README's first command once served
/// a room whose blazor.web.js and Blazor.Diagrams files answered 500, and no test noticed.
/// </summary>
public sealed class AssetChecks
{
    private readonly ConcurrentQueue<string> _problems = new();

    /// <summary>Records every asset response of 400 or more, and every asset request that failed, of this person.</summary>
    public void Watch(IPage page)
    {
        page.Context.Response += (_, response) =>
        {
            if (response.Status >= 400 && IsAsset(response.Url))
            {
                _problems.Enqueue($"{response.Status} {response.Url}");
            }
        };
        page.Context.RequestFailed += (_, request) =>
        {
            // A navigation away cancels what the old page still loads: that is not a broken asset.
            if (IsAsset(request.Url) && request.Failure is { } failure && !failure.Contains("ERR_ABORTED"))
            {
                _problems.Enqueue($"failed ({failure}) {request.Url}");
            }
        };
    }

    /// <summary>Fails with every broken asset seen so far by the watched people.</summary>
    public void AssertNoneBroken() =>
        Assert.True(_problems.IsEmpty, "Assets that did not load:\n" + string.Join("\n", _problems.Distinct()));

    /// <summary>
    /// Every <c>script src</c>, <c>link href</c> and import-map entry of the page as it stands, on this origin, fetched
    /// with the page's cookies: each must answer 200. Returns how many were checked (a page names at least its stylesheet).
    /// </summary>
    public static async Task<int> AssertMarkupAssetsAnswer200Async(IPage page)
    {
        var urls = await page.EvaluateAsync<string[]>("""
            () => {
              const found = [...document.querySelectorAll('script[src]')].map(s => s.src)
                .concat([...document.querySelectorAll('link[href]')].map(l => l.href));
              for (const map of document.querySelectorAll('script[type=importmap]')) {
                const parsed = JSON.parse(map.textContent || '{}');
                const entries = [parsed.imports || {}, ...Object.values(parsed.scopes || {})];
                for (const table of entries) for (const target of Object.values(table)) found.push(new URL(target, document.baseURI).href);
              }
              return [...new Set(found)].filter(u => u.startsWith(location.origin + '/'));
            }
            """);
        var broken = new List<string>();
        foreach (var url in urls)
        {
            var response = await page.APIRequest.GetAsync(url);
            if (response.Status != 200)
            {
                broken.Add($"{response.Status} {url}");
            }
        }
        Assert.True(broken.Count == 0, $"On {page.Url}, assets that do not answer 200:\n" + string.Join("\n", broken));
        Assert.True(urls.Length > 0, $"{page.Url} names no asset at all: not even its stylesheet was found.");
        return urls.Length;
    }

    // Scripts, styles, the WebAssembly runtime and its files, package content and images: not page addresses, whose
    // 404 (a deliberately wrong link) is a page of its own.
    private static bool IsAsset(string url)
    {
        var path = new Uri(url).AbsolutePath;
        return path.StartsWith("/_framework/", StringComparison.Ordinal) || path.StartsWith("/_content/", StringComparison.Ordinal)
            || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal)
            || Path.GetExtension(path) is ".js" or ".mjs" or ".css" or ".wasm" or ".dll" or ".dat" or ".json" or ".png" or ".svg" or ".woff2";
    }
}
