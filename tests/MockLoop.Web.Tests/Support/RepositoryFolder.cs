namespace MockLoop.Web.Tests.Support;

/// <summary>The checkout the tests run from: the folder above their binaries that holds MockLoop.sln.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MockLoop.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MockLoop.sln not found above " + AppContext.BaseDirectory);
    }
}
