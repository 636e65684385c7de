using Microsoft.Extensions.Options;
using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Rubrics;

/// <summary>
/// The library under <c>rubrics/</c>, read and validated once. A broken file stops start-up with every problem
/// listed: serving interviews against a half-valid rubric would corrupt scores.
/// </summary>
public sealed class ShippedRubricLibrary
{
    public ShippedRubricLibrary(IOptions<RubricsOptions> options, IHostEnvironment env)
    {
        Directory = ResolveDirectory(options.Value.Directory, env.ContentRootPath);
        var result = RubricLibrary.LoadDirectory(Directory);
        if (!result.IsValid || result.Components is null)
        {
            var lines = result.Problems.Select(p => $"  {p.File} {p.Path}: {p.Reason}");
            throw new InvalidOperationException(
                $"The rubric library in {Directory} is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        }
        Library = result;
    }

    public string Directory { get; }
    public LibraryLoadResult Library { get; }

    /// <summary>How messages name a rubric's file: the library folder's name and the file, as in <c>rubrics/x.json</c>.</summary>
    public string DisplayName(LoadedRubric rubric) =>
        $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(Directory))}/{rubric.File}";

    private static string ResolveDirectory(string configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "rubrics");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"No rubrics/ folder at or above {contentRoot}: set Rubrics__Directory.");
    }
}
