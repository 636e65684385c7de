using System.Text.Json.Nodes;

namespace MockLoop.Core.Tests.Rubrics;

/// <summary>
/// A small valid rubric built in code. Broken fixtures are made by mutating it, so each test shows exactly the
/// one thing it breaks.
/// </summary>
internal static class SampleRubric
{
    public const string File = "sample.json";

    public static JsonObject Build() => new()
    {
        ["id"] = "sample",
        ["version"] = 1,
        ["title"] = "Sample framework",
        ["description"] = "Two steps, enough to exercise the validator.",
        ["steps"] = new JsonArray(
            Step("clarify", budget: 5, weight: 1, "scope", "scale"),
            Step("design", budget: 10, weight: 2, "architecture", "trade-offs", "scope")),
        ["levelBars"] = new JsonObject
        {
            ["mid"] = Bar(2.5, 2),
            ["senior"] = Bar(3, 2.5),
            ["staff"] = Bar(3.5, 3),
        },
    };

    /// <summary>The sample as JSON text, after an optional change.</summary>
    public static string Json(Action<JsonObject>? mutate = null)
    {
        var rubric = Build();
        mutate?.Invoke(rubric);
        return rubric.ToJsonString();
    }

    public static JsonObject Step(string id, int budget, double weight, params string[] criterionIds) => new()
    {
        ["id"] = id,
        ["title"] = $"Step {id}",
        ["purpose"] = $"Why {id} matters.",
        ["budgetMinutes"] = budget,
        ["weight"] = weight,
        ["questions"] = new JsonArray($"What about {id}?"),
        ["criteria"] = new JsonArray(criterionIds.Select(c => (JsonNode?)Criterion(c)).ToArray()),
    };

    public static JsonObject Criterion(string id) => new()
    {
        ["id"] = id,
        ["title"] = $"Criterion {id}",
        ["levels"] = new JsonArray(Enumerable.Range(1, 4).Select(l => (JsonNode?)Level(l)).ToArray()),
    };

    public static JsonObject Level(int level) => new()
    {
        ["level"] = level,
        ["descriptor"] = $"Says something at level {level}.",
    };

    public static JsonObject Bar(double minOverall, double minStep) => new()
    {
        ["minOverall"] = minOverall,
        ["minStep"] = minStep,
    };

    public static JsonObject StepAt(this JsonObject rubric, int index) => rubric["steps"]![index]!.AsObject();

    public static JsonObject CriterionAt(this JsonObject rubric, int step, int criterion) =>
        rubric.StepAt(step)["criteria"]![criterion]!.AsObject();

    public static JsonArray LevelsAt(this JsonObject rubric, int step, int criterion) =>
        rubric.CriterionAt(step, criterion)["levels"]!.AsArray();
}
