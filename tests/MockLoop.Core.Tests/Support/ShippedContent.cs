namespace MockLoop.Core.Tests;

/// <summary>Where the repository's shipped rubrics, components and cases live, found from the test binaries.</summary>
internal static class ShippedContent
{
    public static string RubricsDir => Path.Combine(RepoRoot(), "rubrics");

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MockLoop.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains MockLoop.sln.");
    }
}
