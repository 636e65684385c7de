using MockLoop.Core.Rubrics;
using MockLoop.Core.Rubrics.Validation;

namespace MockLoop.Core.Cases;

/// <summary>Reads an interview case from JSON text, checking its references to rubrics and components.</summary>
public static class CaseParser
{
    internal static readonly string[] CaseProperties =
        ["$schema", "id", "rubric", "title", "prompt", "difficulty", "facts", "hints", "expectedComponents"];

    internal static readonly string[] FactProperties = ["topic", "detail"];

    private static readonly (CaseDifficulty Difficulty, string Name)[] Difficulties =
        [(CaseDifficulty.Easy, "easy"), (CaseDifficulty.Medium, "medium"), (CaseDifficulty.Hard, "hard")];

    public static ParseResult<InterviewCase> Parse(string file, string json, IReadOnlyDictionary<string, Rubric> rubrics, ComponentVocabulary vocabulary) =>
        Parse(file, json, new CaseReferences(rubrics, vocabulary));

    public static ParseResult<InterviewCase> Parse(string file, string json, CaseReferences references)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(references);

        var log = new ProblemLog(file);
        using var document = JsonInput.Parse(json, log);
        if (document is null)
        {
            return ParseResult<InterviewCase>.Failure(log.Problems);
        }

        var interviewCase = ReadCase(new Located(document.RootElement, JsonPath.Root), references, log);
        return log.Count == 0 && interviewCase is not null
            ? ParseResult<InterviewCase>.Success(interviewCase)
            : ParseResult<InterviewCase>.Failure(log.Problems);
    }

    private static InterviewCase? ReadCase(Located root, CaseReferences references, ProblemLog log)
    {
        var obj = ObjectReader.Open(root, log, CaseProperties);
        if (obj is null)
        {
            return null;
        }

        obj.OptionalText("$schema", RubricLimits.MaxSchemaReference);
        var id = obj.Id("id");
        var rubric = ReadRubricReference(obj, references, log, out var rubricId);
        var title = obj.Text("title", RubricLimits.MaxTitle);
        var prompt = obj.Text("prompt", RubricLimits.MaxPrompt);
        var difficulty = ReadDifficulty(obj, log, out var difficultyValid);
        var facts = ReadFacts(obj, log);
        var hints = ReadHints(obj, rubric, log);
        var components = ReadExpectedComponents(obj, references.Vocabulary, log);

        return id is null || rubricId is null || title is null || prompt is null || !difficultyValid || facts is null || hints is null || components is null
            ? null
            : new InterviewCase(id, rubricId, title, prompt, facts, hints, components, difficulty);
    }

    /// <returns>The rubric when it is known and valid, so hint keys can be checked against its steps.</returns>
    private static Rubric? ReadRubricReference(ObjectReader obj, CaseReferences references, ProblemLog log, out string? rubricId)
    {
        rubricId = null;
        if (obj.Required("rubric") is not { } value || JsonValues.Id(value, log) is not { } id)
        {
            return null;
        }

        if (references.Rubrics.TryGetValue(id, out var rubric))
        {
            rubricId = id;
            return rubric;
        }

        if (references.BrokenRubricIds.Contains(id))
        {
            rubricId = id;
            return null;
        }

        var known = references.Rubrics.Count == 0 ? "there are no rubrics" : $"known rubrics: {string.Join(", ", references.Rubrics.Keys.Order(StringComparer.Ordinal))}";
        log.Add(value.Path, $"names the rubric '{id}', which does not exist ({known}).");
        return null;
    }

    private static CaseDifficulty? ReadDifficulty(ObjectReader obj, ProblemLog log, out bool valid)
    {
        valid = true;
        if (obj.Optional("difficulty") is not { } value)
        {
            return null;
        }

        var name = JsonValues.Text(value, RubricLimits.MaxLabel, log);
        foreach (var (difficulty, difficultyName) in Difficulties)
        {
            if (difficultyName == name)
            {
                return difficulty;
            }
        }

        if (name is not null)
        {
            log.Add(value.Path, $"'{name}' is not a difficulty; use easy, medium or hard.");
        }

        valid = false;
        return null;
    }

    private static List<CaseFact>? ReadFacts(ObjectReader obj, ProblemLog log)
    {
        var items = obj.Array("facts", 1, RubricLimits.MaxFacts, "fact");
        if (items is null)
        {
            return null;
        }

        var facts = new List<CaseFact>();
        foreach (var item in items)
        {
            var fact = ObjectReader.Open(item, log, FactProperties);
            var topic = fact?.Text("topic", RubricLimits.MaxFactTopic);
            var detail = fact?.Text("detail", RubricLimits.MaxFactDetail);
            if (topic is not null && detail is not null)
            {
                facts.Add(new CaseFact(topic, detail));
            }
        }

        return facts.Count == items.Count ? facts : null;
    }

    /// <summary>Hints keyed by step id, re-ordered into the rubric's step order.</summary>
    private static Dictionary<string, IReadOnlyList<string>>? ReadHints(ObjectReader obj, Rubric? rubric, ProblemLog log)
    {
        if (obj.Required("hints") is not { } value)
        {
            return null;
        }

        if (value.Element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            log.Add(value.Path, $"must be an object keyed by step id, not {JsonValues.Describe(value.Element.ValueKind)}.");
            return null;
        }

        var before = log.Count;
        var byStep = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in value.Element.EnumerateObject())
        {
            var path = JsonPath.Property(value.Path, property.Name);
            if (rubric is not null && rubric.FindStep(property.Name) is null)
            {
                log.Add(path, $"'{property.Name}' is not a step of rubric '{rubric.Id}' (its steps: {string.Join(", ", rubric.Steps.Select(s => s.Id))}).");
            }

            if (byStep.ContainsKey(property.Name))
            {
                log.Add(path, "appears more than once in the same object.");
                continue;
            }

            var hints = JsonValues.TextList(new Located(property.Value, path), 1, RubricLimits.MaxHintsPerStep, RubricLimits.MaxHint, "hint", log);
            if (hints is not null)
            {
                byStep.Add(property.Name, hints);
            }
        }

        if (log.Count != before || rubric is null)
        {
            return log.Count == before ? byStep : null;
        }

        var ordered = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var step in rubric.Steps)
        {
            if (byStep.TryGetValue(step.Id, out var hints))
            {
                ordered.Add(step.Id, hints);
            }
        }

        return ordered;
    }

    private static List<string>? ReadExpectedComponents(ObjectReader obj, ComponentVocabulary? vocabulary, ProblemLog log)
    {
        var items = obj.Array("expectedComponents", 1, RubricLimits.MaxExpectedComponents, "component");
        if (items is null)
        {
            return null;
        }

        var seen = new IdRegistry("component", log);
        var ids = new List<string>();
        foreach (var item in items)
        {
            if (JsonValues.Id(item, log) is not { } id)
            {
                continue;
            }

            if (vocabulary is not null && !vocabulary.Contains(id))
            {
                log.Add(item.Path, $"'{id}' is not in the component vocabulary (components.json).");
            }
            else if (seen.Claim(id, item.Path))
            {
                ids.Add(id);
            }
        }

        return ids.Count == items.Count ? ids : null;
    }
}
