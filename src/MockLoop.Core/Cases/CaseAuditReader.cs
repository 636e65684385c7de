using MockLoop.Core.Rubrics;
using MockLoop.Core.Rubrics.Validation;

namespace MockLoop.Core.Cases;

/// <summary>Reads the interviewer's audit material of a case: probes per criterion, the answer key and curveballs.</summary>
internal static class CaseAuditReader
{
    private static readonly string[] ProbeProperties = ["criterion", "question"];
    private static readonly string[] AnswerKeyProperties = ["component", "why", "alternatives"];
    private static readonly string[] CurveballProperties = ["title", "prompt", "minutes", "lookFor"];

    public const int MaxProbes = 60;
    public const int MaxCurveballs = 4;
    public const int MaxCurveballMinutes = 20;

    /// <summary>Probes name a criterion as <c>step-id/criterion-id</c> of the case's rubric.</summary>
    public static List<CriterionProbe>? ReadProbes(Located value, Rubric? rubric, ProblemLog log)
    {
        var items = JsonValues.Array(value, 1, MaxProbes, "probe", log);
        if (items is null)
        {
            return null;
        }

        var probes = new List<CriterionProbe>();
        foreach (var item in items)
        {
            var obj = ObjectReader.Open(item, log, ProbeProperties);
            var reference = obj?.Text("criterion", 130);
            var question = obj?.Text("question", RubricLimits.MaxHint);
            if (reference is null || question is null)
            {
                continue;
            }

            var parts = reference.Split('/');
            var path = JsonPath.Property(obj!.Path, "criterion");
            if (parts.Length != 2)
            {
                log.Add(path, $"'{reference}' must name a criterion as step-id/criterion-id (evaluation/offline-evaluation).");
            }
            else if (rubric is not null && rubric.FindStep(parts[0])?.FindCriterion(parts[1]) is null)
            {
                log.Add(path, $"'{reference}' is not a criterion of rubric '{rubric.Id}' version {rubric.Version}.");
            }
            else
            {
                probes.Add(new CriterionProbe(parts[0], parts[1], question));
            }
        }

        return probes.Count == items.Count ? probes : null;
    }

    /// <summary>Entries explain components the case lists (core or optional), each at most once.</summary>
    public static List<AnswerKeyEntry>? ReadAnswerKey(Located value, IReadOnlyList<string>? core, IReadOnlyList<string>? optional, ProblemLog log)
    {
        var items = JsonValues.Array(value, 1, RubricLimits.MaxExpectedComponents, "answer key entry", log);
        if (items is null)
        {
            return null;
        }

        var seen = new IdRegistry("answer key component", log);
        var entries = new List<AnswerKeyEntry>();
        foreach (var item in items)
        {
            var obj = ObjectReader.Open(item, log, AnswerKeyProperties);
            var component = obj?.Id("component");
            var why = obj?.Text("why", RubricLimits.MaxHint);
            var alternatives = obj?.Text("alternatives", RubricLimits.MaxHint);
            if (component is null || why is null || alternatives is null)
            {
                continue;
            }

            var path = JsonPath.Property(obj!.Path, "component");
            if (core is not null && optional is not null && !core.Contains(component) && !optional.Contains(component))
            {
                log.Add(path, $"'{component}' is neither a core nor an optional component of the case.");
            }
            else if (seen.Claim(component, path))
            {
                entries.Add(new AnswerKeyEntry(component, why, alternatives));
            }
        }

        return entries.Count == items.Count ? entries : null;
    }

    public static List<Curveball>? ReadCurveballs(Located value, ProblemLog log)
    {
        var items = JsonValues.Array(value, 1, MaxCurveballs, "curveball", log);
        if (items is null)
        {
            return null;
        }

        var curveballs = new List<Curveball>();
        foreach (var item in items)
        {
            var obj = ObjectReader.Open(item, log, CurveballProperties);
            var title = obj?.Text("title", RubricLimits.MaxTitle);
            var prompt = obj?.Text("prompt", RubricLimits.MaxHint);
            var minutes = obj?.WholeNumber("minutes", 1, MaxCurveballMinutes);
            var lookFor = obj?.Text("lookFor", RubricLimits.MaxHint);
            if (title is not null && prompt is not null && minutes is not null && lookFor is not null)
            {
                curveballs.Add(new Curveball(title, prompt, minutes.Value, lookFor));
            }
        }

        return curveballs.Count == items.Count ? curveballs : null;
    }
}
