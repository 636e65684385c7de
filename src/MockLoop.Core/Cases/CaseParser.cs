using MockLoop.Core.Rubrics;
using MockLoop.Core.Rubrics.Validation;
using static System.FormattableString;

namespace MockLoop.Core.Cases;

/// <summary>Reads an interview case from JSON text, checking its references to rubrics and components.</summary>
public static class CaseParser
{
    internal static readonly string[] CaseProperties =
    [
        "$schema", "id", "rubric", "title", "prompt", "difficulty", "mlTask", "budgets", "facts", "hints",
        "coreComponents", "optionalComponents", "referenceDiagram", "systemKind", "envelope", "probes", "answerKey", "curveballs",
    ];

    internal static readonly string[] FactProperties = ["topic", "detail"];
    internal static readonly string[] HintProperties = ["probe", "midAnchor", "seniorAnswer", "staffExtension", "redFlags"];
    internal static readonly string[] BudgetProperties =
        ["averageRequestsPerSecond", "peakRequestsPerSecond", "dailyRequests", "latencyBudgetMs", "costBudget"];

    /// <summary>The kinds of ML task a case can be mainly about.</summary>
    public static readonly IReadOnlyList<string> MlTasks = ["ranking", "retrieval", "classification", "regression", "detection", "generation"];

    public const int MinCoreComponents = 6;
    public const int MaxCoreComponents = 10;

    /// <summary>How far the average request rate may stray from daily requests / 86,400 (traffic is not flat).</summary>
    public const double DailyRateTolerance = 0.25;

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
        var mlTask = ReadMlTask(obj, log, out var mlTaskValid);
        var budgets = obj.Optional("budgets") is { } budgetsValue ? ReadBudgets(budgetsValue, log) : null;
        var budgetsValid = obj.Optional("budgets") is null || budgets is not null;
        var facts = ReadFacts(obj, log);
        var hints = ReadHints(obj, rubric, log);
        var vocabulary = references.Vocabulary;
        var core = ReadComponents(obj, "coreComponents", MinCoreComponents, MaxCoreComponents, vocabulary, log, requireMlSpecific: true);
        var optional = obj.Optional("optionalComponents") is null
            ? []
            : ReadComponents(obj, "optionalComponents", 0, RubricLimits.MaxExpectedComponents, vocabulary, log, requireMlSpecific: false);
        var diagram = obj.Optional("referenceDiagram") is { } diagramValue ? ReferenceDiagramReader.Read(diagramValue, vocabulary, log) : null;
        var diagramValid = obj.Optional("referenceDiagram") is null || diagram is not null;
        var systemKind = ReadSystemKind(obj, log);
        var envelope = obj.Optional("envelope") is { } envelopeValue ? EnvelopeReader.Read(envelopeValue, budgets, log) : null;
        var probes = obj.Optional("probes") is { } probesValue ? CaseAuditReader.ReadProbes(probesValue, rubric, log) : [];
        var answerKey = obj.Optional("answerKey") is { } keyValue ? CaseAuditReader.ReadAnswerKey(keyValue, core, optional, log) : [];
        var curveballs = obj.Optional("curveballs") is { } curveballsValue ? CaseAuditReader.ReadCurveballs(curveballsValue, log) : [];

        if (core is not null && optional is not null)
        {
            CheckComponentSets(obj, core, optional, diagram, log);
        }

        return id is null || rubricId is null || title is null || prompt is null || !difficultyValid || !mlTaskValid || !budgetsValid
            || facts is null || hints is null || core is null || optional is null || !diagramValid || log.Count > 0
            ? null
            : new InterviewCase(id, rubricId, title, prompt, facts, hints, core, optional, difficulty)
            {
                MlTask = mlTask, Budgets = budgets, ReferenceDiagram = diagram, SystemKind = systemKind, Envelope = envelope,
                Probes = probes ?? [], AnswerKey = answerKey ?? [], Curveballs = curveballs ?? [],
            };
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

    private static string? ReadSystemKind(ObjectReader obj, ProblemLog log)
    {
        if (obj.Optional("systemKind") is not { } value || JsonValues.Text(value, RubricLimits.MaxLabel, log) is not { } name)
        {
            return null;
        }

        if (SystemKinds.All.Contains(name))
        {
            return name;
        }

        log.Add(value.Path, $"'{name}' is not a kind of system; use one of: {string.Join(", ", SystemKinds.All)}.");
        return null;
    }

    private static string? ReadMlTask(ObjectReader obj, ProblemLog log, out bool valid)
    {
        valid = true;
        if (obj.Optional("mlTask") is not { } value)
        {
            return null;
        }

        var name = JsonValues.Text(value, RubricLimits.MaxLabel, log);
        if (name is not null && MlTasks.Contains(name))
        {
            return name;
        }

        if (name is not null)
        {
            log.Add(value.Path, $"'{name}' is not an ML task; use one of: {string.Join(", ", MlTasks)}.");
        }
        valid = false;
        return null;
    }

    /// <summary>The case's numbers, and the relations between them a reader would otherwise catch only by arithmetic.</summary>
    private static CaseBudgets? ReadBudgets(Located value, ProblemLog log)
    {
        var obj = ObjectReader.Open(value, log, BudgetProperties);
        if (obj is null)
        {
            return null;
        }

        var average = obj.PositiveNumber("averageRequestsPerSecond", 1e9);
        var peak = obj.PositiveNumber("peakRequestsPerSecond", 1e9);
        var daily = obj.Optional("dailyRequests") is { } dailyValue ? JsonValues.PositiveNumber(dailyValue, 1e15, log) : null;
        var latency = obj.WholeNumber("latencyBudgetMs", 1, 86_400_000);
        var cost = obj.Text("costBudget", RubricLimits.MaxFactDetail);
        var before = log.Count;

        if (average is { } a && peak is { } p && p < a)
        {
            log.Add(JsonPath.Property(obj.Path, "peakRequestsPerSecond"), Invariant($"is {p}, below the average of {a}; a peak is never below the average."));
        }

        if (average is { } avg && daily is { } d)
        {
            var implied = d / 86_400;
            if (Math.Abs(avg - implied) > implied * DailyRateTolerance)
            {
                log.Add(JsonPath.Property(obj.Path, "averageRequestsPerSecond"),
                    Invariant($"is {avg}, but {d:N0} requests a day average {implied:N0} per second; make the two agree (within 25 %)."));
            }
        }

        return average is null || peak is null || latency is null || cost is null || log.Count != before
            || (obj.Optional("dailyRequests") is not null && daily is null)
            ? null
            : new CaseBudgets(average.Value, peak.Value, daily, latency.Value, cost);
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
    private static StepHints? ReadStepHints(Located value, ProblemLog log)
    {
        var obj = ObjectReader.Open(value, log, HintProperties);
        if (obj is null)
        {
            return null;
        }

        var probe = obj.Text("probe", RubricLimits.MaxHint);
        var mid = obj.OptionalText("midAnchor", RubricLimits.MaxHint);
        var senior = obj.Text("seniorAnswer", RubricLimits.MaxHint);
        var staff = obj.Text("staffExtension", RubricLimits.MaxHint);
        var redFlags = obj.TextList("redFlags", 1, RubricLimits.MaxHintsPerStep, RubricLimits.MaxHint, "red flag");
        return probe is null || senior is null || staff is null || redFlags is null || (obj.Optional("midAnchor") is not null && mid is null)
            ? null
            : new StepHints(probe, senior, staff, redFlags) { MidAnchor = mid };
    }

    private static Dictionary<string, StepHints>? ReadHints(ObjectReader obj, Rubric? rubric, ProblemLog log)
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
        var byStep = new Dictionary<string, StepHints>(StringComparer.Ordinal);
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

            var hints = ReadStepHints(new Located(property.Value, path), log);
            if (hints is not null)
            {
                byStep.Add(property.Name, hints);
            }
        }

        if (log.Count != before || rubric is null)
        {
            return log.Count == before ? byStep : null;
        }

        var ordered = new Dictionary<string, StepHints>(StringComparer.Ordinal);
        foreach (var step in rubric.Steps)
        {
            if (byStep.TryGetValue(step.Id, out var hints))
            {
                ordered.Add(step.Id, hints);
            }
        }

        return ordered;
    }

    private static List<string>? ReadComponents(
        ObjectReader obj, string property, int min, int max, ComponentVocabulary? vocabulary, ProblemLog log, bool requireMlSpecific)
    {
        var items = obj.Array(property, min, max, "component");
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

            var component = vocabulary?.Find(id);
            if (vocabulary is not null && component is null)
            {
                log.Add(item.Path, $"'{id}' is not in the component vocabulary (components.json).");
            }
            else if (requireMlSpecific && component is { IsGeneric: true })
            {
                log.Add(item.Path, $"'{id}' is generic infrastructure and can never be a core component; list it under optionalComponents.");
            }
            else if (seen.Claim(id, item.Path))
            {
                ids.Add(id);
            }
        }

        return ids.Count == items.Count ? ids : null;
    }

    /// <summary>Core and optional components do not overlap, and the reference diagram draws exactly from them, every core one included.</summary>
    private static void CheckComponentSets(ObjectReader obj, List<string> core, List<string> optional, Diagrams.DiagramSnapshot? diagram, ProblemLog log)
    {
        foreach (var id in optional.Where(core.Contains))
        {
            log.Add(JsonPath.Property(obj.Path, "optionalComponents"), $"'{id}' is already a core component.");
        }

        if (diagram is null)
        {
            return;
        }

        var drawn = diagram.Nodes.Where(n => !n.IsNote).Select(n => n.ComponentType).ToHashSet(StringComparer.Ordinal);
        var missing = core.Where(id => !drawn.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            log.Add(JsonPath.Property(obj.Path, "referenceDiagram"), $"does not draw the core component(s) {string.Join(", ", missing)}.");
        }

        var unlisted = drawn.Where(id => !core.Contains(id) && !optional.Contains(id)).Order(StringComparer.Ordinal).ToList();
        if (unlisted.Count > 0)
        {
            log.Add(JsonPath.Property(obj.Path, "referenceDiagram"), $"draws {string.Join(", ", unlisted)}, which the case lists neither as core nor as optional.");
        }
    }
}
