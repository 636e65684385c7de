using MockLoop.Core.Cases;

namespace MockLoop.Core.Rubrics;

/// <summary>
/// Loads a rubric library directory laid out like the repository's <c>rubrics/</c>: rubric files at the top,
/// <c>components.json</c> beside them and one case per file under <c>cases/</c>.
/// </summary>
public static class RubricLibrary
{
    public const string ComponentsFile = "components.json";
    public const string CasesDirectory = "cases";
    public const string VersionsDirectory = "versions";
    private const string SchemaSuffix = ".schema.json";

    /// <summary>
    /// Reads every file and reports the problems of all of them together. Each rubric and case must be named after
    /// its id (<c>ml-system-design.json</c> holds id <c>ml-system-design</c>), which keeps ids unique and files findable.
    /// </summary>
    public static LibraryLoadResult LoadDirectory(string rubricsDir)
    {
        ArgumentNullException.ThrowIfNull(rubricsDir);

        var problems = new List<RubricProblem>();
        if (!Directory.Exists(rubricsDir))
        {
            problems.Add(new RubricProblem(rubricsDir, "$", "The rubric directory does not exist."));
            return new LibraryLoadResult([], null, [], problems);
        }

        var rubrics = LoadRubrics(rubricsDir, problems, out var brokenRubricIds);
        var components = LoadComponents(rubricsDir, problems);
        var references = new CaseReferences(rubrics.ToDictionary(r => r.Rubric.Id, r => r.Rubric, StringComparer.Ordinal), components)
        {
            BrokenRubricIds = brokenRubricIds,
        };
        var cases = LoadCases(rubricsDir, references, problems);
        var earlier = LoadEarlierVersions(rubricsDir, rubrics, problems);

        return new LibraryLoadResult(rubrics, components, cases, problems) { EarlierVersions = earlier };
    }

    private static List<LoadedRubric> LoadRubrics(string dir, List<RubricProblem> problems, out HashSet<string> brokenIds)
    {
        brokenIds = new HashSet<string>(StringComparer.Ordinal);
        var rubrics = new List<LoadedRubric>();
        var files = JsonFiles(dir)
            .Where(f => !f.EndsWith(SchemaSuffix, StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(Path.GetFileName(f), ComponentsFile, StringComparison.OrdinalIgnoreCase))
            .ToList();

        if (files.Count == 0)
        {
            problems.Add(new RubricProblem(".", "$", "The library has no rubric files (*.json beside components.json)."));
        }

        foreach (var path in files)
        {
            var name = Relative(dir, path);
            if (ReadText(path, name, problems) is not { } json)
            {
                continue;
            }

            var result = RubricParser.Parse(name, json);
            if (!result.IsValid)
            {
                problems.AddRange(result.Problems);
                brokenIds.Add(Path.GetFileNameWithoutExtension(path));
                continue;
            }

            var rubric = result.Value;
            if (CheckNamedAfterId(name, path, rubric.Id, "rubric", files, problems))
            {
                rubrics.Add(new LoadedRubric(name, rubric, json, ContentHash.OfJson(json)));
            }
            else
            {
                // Cases may name it by either; they are not to blame for the mix-up.
                brokenIds.Add(rubric.Id);
                brokenIds.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        return rubrics;
    }

    /// <summary>
    /// Each file under <c>versions/</c> is named <c>&lt;id&gt;.v&lt;version&gt;.json</c> and holds an older version of a
    /// current rubric, so both the name and the version are checked against that rubric.
    /// </summary>
    private static List<LoadedRubric> LoadEarlierVersions(string dir, List<LoadedRubric> current, List<RubricProblem> problems)
    {
        var versionsDir = Path.Combine(dir, VersionsDirectory);
        var earlier = new List<LoadedRubric>();
        if (!Directory.Exists(versionsDir))
        {
            return earlier;
        }

        foreach (var path in JsonFiles(versionsDir))
        {
            var name = Relative(dir, path);
            if (ReadText(path, name, problems) is not { } json)
            {
                continue;
            }

            var result = RubricParser.Parse(name, json);
            if (!result.IsValid)
            {
                problems.AddRange(result.Problems);
                continue;
            }

            var rubric = result.Value;
            var expectedName = FormattableString.Invariant($"{rubric.Id}.v{rubric.Version}.json");
            var newest = current.FirstOrDefault(r => r.Rubric.Id == rubric.Id)?.Rubric;
            if (Path.GetFileName(path) != expectedName)
            {
                problems.Add(new RubricProblem(name, "$.id", $"an earlier version must be named after its id and version: '{VersionsDirectory}/{expectedName}'."));
            }
            else if (newest is null)
            {
                problems.Add(new RubricProblem(name, "$.id", $"is an earlier version of '{rubric.Id}', but there is no current '{rubric.Id}.json'."));
            }
            else if (rubric.Version >= newest.Version)
            {
                problems.Add(new RubricProblem(name, "$.version", FormattableString.Invariant(
                    $"is version {rubric.Version}, not earlier than the current {rubric.Id}.json (version {newest.Version}).")));
            }
            else
            {
                earlier.Add(new LoadedRubric(name, rubric, json, ContentHash.OfJson(json)));
            }
        }

        return earlier;
    }

    private static ComponentVocabulary? LoadComponents(string dir, List<RubricProblem> problems)
    {
        var path = Path.Combine(dir, ComponentsFile);
        if (!File.Exists(path))
        {
            problems.Add(new RubricProblem(ComponentsFile, "$", "The component vocabulary is missing; cases cannot be checked without it."));
            return null;
        }

        if (ReadText(path, ComponentsFile, problems) is not { } json)
        {
            return null;
        }

        var result = ComponentVocabulary.Parse(ComponentsFile, json);
        problems.AddRange(result.Problems);
        return result.Value;
    }

    private static List<InterviewCase> LoadCases(string dir, CaseReferences references, List<RubricProblem> problems)
    {
        var casesDir = Path.Combine(dir, CasesDirectory);
        var cases = new List<InterviewCase>();
        if (!Directory.Exists(casesDir))
        {
            return cases;
        }

        var files = JsonFiles(casesDir).ToList();
        foreach (var path in files)
        {
            var name = Relative(dir, path);
            if (ReadText(path, name, problems) is not { } json)
            {
                continue;
            }

            var result = CaseParser.Parse(name, json, references);
            problems.AddRange(result.Problems);
            if (result.Value is { } interviewCase && CheckNamedAfterId(name, path, interviewCase.Id, "case", files, problems))
            {
                cases.Add(interviewCase);
            }
        }

        return cases;
    }

    /// <summary>With ids equal to file names, two files in one folder can never share an id.</summary>
    private static bool CheckNamedAfterId(string name, string path, string id, string kind, List<string> siblings, List<RubricProblem> problems)
    {
        if (Path.GetFileNameWithoutExtension(path) == id)
        {
            return true;
        }

        var owner = siblings.FirstOrDefault(s => Path.GetFileNameWithoutExtension(s) == id);
        problems.Add(new RubricProblem(name, "$.id", owner is not null
            ? $"duplicate {kind} id '{id}': {name[..(name.LastIndexOf('/') + 1)]}{Path.GetFileName(owner)} already uses it; give this {kind} its own id and name the file after it."
            : $"the {kind} id '{id}' does not match the file name; name the file '{id}.json'."));
        return false;
    }

    private static IEnumerable<string> JsonFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal);

    private static string? ReadText(string path, string name, List<RubricProblem> problems)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new RubricProblem(name, "$", $"The file could not be read: {ex.Message}"));
            return null;
        }
    }

    private static string Relative(string dir, string path) => Path.GetRelativePath(dir, path).Replace('\\', '/');
}
