using System.Text.Json.Nodes;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rubrics;

/// <summary>
/// A copy of the repository's <c>rubrics/</c> in a temporary folder, for tests that edit rubric files the way an
/// author would (change a word, raise the version) and restart the app on it.
/// </summary>
public sealed class RubricLibraryCopy : IDisposable
{
    public const string RubricId = "ml-system-design";

    public RubricLibraryCopy()
    {
        // Named "rubrics" like the original, so messages read "rubrics/ml-system-design.json".
        Directory = Path.Combine(Path.GetTempPath(), "mockloop-rubrics-" + Guid.NewGuid().ToString("N")[..12], "rubrics");
        CopyFolder(RepositoryRubrics, Directory);
    }

    public string Directory { get; }

    public string RubricFile => Path.Combine(Directory, RubricId + ".json");

    public static string RepositoryRubrics => Path.Combine(RepositoryFolder.Root, "rubrics");

    /// <summary>Edits the shipped rubric's JSON in place (keeping its layout irrelevant: the hash ignores formatting).</summary>
    public void EditRubric(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(RubricFile))!.AsObject();
        edit(json);
        File.WriteAllText(RubricFile, json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(Directory)!;
        if (System.IO.Directory.Exists(root))
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var dir in System.IO.Directory.EnumerateDirectories(from))
        {
            CopyFolder(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
