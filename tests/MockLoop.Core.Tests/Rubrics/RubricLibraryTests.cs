using System.Text.Json.Nodes;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Tests.Cases;

namespace MockLoop.Core.Tests.Rubrics;

public sealed class RubricLibraryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "mockloop-rubrics-" + Guid.NewGuid().ToString("N"));

    public RubricLibraryTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "cases"));
        Write("sample.json", SampleRubric.Json());
        Write("rubric.schema.json", """{ "$schema": "https://json-schema.org/draft/2020-12/schema" }""");
        Write("components.json", ComponentVocabularyTests.Build().ToJsonString());
        Write("cases/video-recommendations.json", CaseJson());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(_dir, relativePath), text);

    private static string CaseJson(Action<JsonObject>? mutate = null)
    {
        var json = CaseParserTests.Build();
        mutate?.Invoke(json);
        return json.ToJsonString();
    }

    [Fact]
    public void A_valid_library_loads_its_rubrics_components_and_cases()
    {
        var result = RubricLibrary.LoadDirectory(_dir);

        Assert.True(result.IsValid, ProblemAssertions.Describe(result.Problems));
        var loaded = Assert.Single(result.Rubrics);
        Assert.Equal("sample.json", loaded.File);
        Assert.Equal("sample", loaded.Rubric.Id);
        Assert.Equal(SampleRubric.Json(), loaded.Json);
        Assert.Equal(ContentHash.OfJson(SampleRubric.Json()), loaded.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", loaded.ContentHash);
        Assert.Equal(7, result.Components!.Components.Count);
        Assert.Equal("video-recommendations", Assert.Single(result.CasesFor("sample")).Id);
        Assert.Same(loaded, result.FindRubric("sample"));
    }

    [Fact]
    public void Problems_from_every_file_are_reported_together()
    {
        Write("sample.json", SampleRubric.Json(r => r.StepAt(1)["weight"] = 0));
        Write("second.json", "{ \"id\": ");
        Write("components.json", """{ "components": [ { "id": "client", "label": "Client", "category": "phone", "description": "x" } ] }""");
        Write("cases/video-recommendations.json", CaseJson(c => c["optionalComponents"]!.AsArray().Add("kafka")));
        Write("cases/fraud.json", CaseJson(c =>
        {
            c["id"] = "fraud";
            c["rubric"] = "missing-rubric";
        }));

        var result = RubricLibrary.LoadDirectory(_dir);

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                ("sample.json", "$.steps[1].weight"),
                ("second.json", "$"),
                ("components.json", "$.components[0].category"),
                ("cases/fraud.json", "$.rubric"),
            ],
            result.Problems.Select(p => (p.File, p.Path)));
        Assert.Empty(result.Rubrics);
        Assert.Null(result.Components);
        // The sample rubric exists but is broken, so its case is not blamed; the vocabulary is broken, so the
        // unknown component cannot be checked until components.json is fixed.
        Assert.Equal("video-recommendations", Assert.Single(result.Cases).Id);
    }

    [Fact]
    public void An_unknown_component_in_a_library_case_is_reported_with_the_case_file()
    {
        Write("cases/video-recommendations.json", CaseJson(c => c["optionalComponents"]!.AsArray().Add("kafka")));

        var problem = Assert.Single(RubricLibrary.LoadDirectory(_dir).Problems);

        Assert.Equal(new RubricProblem("cases/video-recommendations.json", "$.optionalComponents[1]", "'kafka' is not in the component vocabulary (components.json)."), problem);
    }

    [Fact]
    public void A_rubric_whose_id_differs_from_its_file_name_is_reported()
    {
        Write("sample.json", SampleRubric.Json(r => r["id"] = "other"));

        var result = RubricLibrary.LoadDirectory(_dir);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("sample.json", "$.id"), (problem.File, problem.Path));
        Assert.Contains("name the file 'other.json'", problem.Reason);
        Assert.Empty(result.Rubrics);
    }

    [Fact]
    public void Duplicate_case_ids_across_files_are_reported()
    {
        Write("cases/video-recs-copy.json", CaseJson());

        var result = RubricLibrary.LoadDirectory(_dir);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("cases/video-recs-copy.json", "$.id"), (problem.File, problem.Path));
        Assert.Equal("duplicate case id 'video-recommendations': cases/video-recommendations.json already uses it; give this case its own id and name the file after it.", problem.Reason);
        Assert.Single(result.Cases);
    }

    [Fact]
    public void Duplicate_rubric_ids_across_files_are_reported()
    {
        Write("sample-copy.json", SampleRubric.Json());

        var result = RubricLibrary.LoadDirectory(_dir);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("sample-copy.json", "$.id"), (problem.File, problem.Path));
        Assert.StartsWith("duplicate rubric id 'sample': sample.json already uses it", problem.Reason);
        Assert.Equal("sample.json", Assert.Single(result.Rubrics).File);
    }

    [Fact]
    public void A_missing_component_vocabulary_is_reported()
    {
        File.Delete(Path.Combine(_dir, "components.json"));

        var problem = Assert.Single(RubricLibrary.LoadDirectory(_dir).Problems);

        Assert.Equal("components.json", problem.File);
        Assert.Contains("missing", problem.Reason);
    }

    [Fact]
    public void A_library_without_rubrics_is_reported()
    {
        File.Delete(Path.Combine(_dir, "sample.json"));

        var problems = RubricLibrary.LoadDirectory(_dir).Problems;

        Assert.Contains(problems, p => p.Reason.Contains("no rubric files", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "cases/video-recommendations.json" && p.Path == "$.rubric");
    }

    [Fact]
    public void A_directory_that_does_not_exist_is_reported()
    {
        var missing = Path.Combine(_dir, "nope");

        var problem = Assert.Single(RubricLibrary.LoadDirectory(missing).Problems);

        Assert.Equal(missing, problem.File);
    }
}
