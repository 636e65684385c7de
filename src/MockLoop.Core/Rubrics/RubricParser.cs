using System.Text.Json;
using MockLoop.Core.Rubrics.Validation;
using static System.FormattableString;

namespace MockLoop.Core.Rubrics;

/// <summary>
/// Reads a rubric from JSON text. The whole document is walked even after the first problem, so an author sees
/// every mistake in one go; a <see cref="Rubric"/> is returned only when there is none.
/// </summary>
public static class RubricParser
{
    internal static readonly string[] RubricProperties =
        ["$schema", "id", "version", "title", "description", "slotMinutes", "levelExpectations", "steps", "levelBars"];
    internal static readonly string[] StepProperties =
        ["id", "title", "purpose", "scope", "core", "budgetMinutes", "weight", "questions", "criteria", "redFlags"];
    internal static readonly string[] CriterionProperties = ["id", "title", "levels", "strongSignals"];
    internal static readonly string[] LevelProperties = ["level", "label", "descriptor"];
    internal static readonly string[] BarProperties = ["minOverall", "minStep", "stepMissesAllowed", "deepSteps"];
    internal static readonly string[] DepthProperties = ["count", "minScore"];
    internal static readonly string[] RedFlagProperties = ["id", "description", "severity", "afterProbe", "levels", "systems"];

    /// <summary>The JSON names of the red-flag severities.</summary>
    internal static readonly (RedFlagSeverity Severity, string Name)[] SeverityNames =
        [(RedFlagSeverity.CapsVerdict, "caps-verdict"), (RedFlagSeverity.LowersStep, "lowers-step"), (RedFlagSeverity.Note, "note")];

    /// <summary>A step's <c>scope</c>: a timed step of the interview, or a dimension scored across all of it.</summary>
    internal const string StepScope = "step";
    internal const string InterviewScope = "interview";

    /// <summary>The JSON names of the level bars, in rising order.</summary>
    internal static readonly (TargetLevel Level, string Name)[] BarNames =
        [(TargetLevel.Mid, "mid"), (TargetLevel.Senior, "senior"), (TargetLevel.Staff, "staff")];

    /// <param name="file">Used only to label problems.</param>
    /// <param name="json">The rubric document.</param>
    public static ParseResult<Rubric> Parse(string file, string json)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(json);

        var log = new ProblemLog(file);
        using var document = JsonInput.Parse(json, log);
        if (document is null)
        {
            return ParseResult<Rubric>.Failure(log.Problems);
        }

        var rubric = ReadRubric(new Located(document.RootElement, JsonPath.Root), log);
        return log.Count == 0 && rubric is not null
            ? ParseResult<Rubric>.Success(rubric)
            : ParseResult<Rubric>.Failure(log.Problems);
    }

    private static Rubric? ReadRubric(Located root, ProblemLog log)
    {
        var obj = ObjectReader.Open(root, log, RubricProperties);
        if (obj is null)
        {
            return null;
        }

        obj.OptionalText("$schema", RubricLimits.MaxSchemaReference);
        var id = obj.Id("id");
        var version = obj.WholeNumber("version", 1, RubricLimits.MaxVersion);
        var title = obj.Text("title", RubricLimits.MaxTitle);
        var description = obj.Text("description", RubricLimits.MaxDescription);
        var slot = obj.Optional("slotMinutes") is { } slotValue
            ? JsonValues.WholeNumber(slotValue, 1, RubricLimits.MaxSlotMinutes, log) ?? -1
            : (int?)null;
        var expectations = ReadExpectations(obj, out var expectationsValid);
        var steps = ReadSteps(obj, log);
        var bars = ReadLevelBars(obj, log);

        if (steps is not null && !CheckWholeInterviewSteps(obj, steps, log))
        {
            steps = null;
        }

        if (slot > 0 && steps is not null && steps.Sum(s => s.BudgetMinutes) > slot)
        {
            log.Add(JsonPath.Property(obj.Path, "slotMinutes"),
                Invariant($"is {slot} but the step budgets add up to {steps.Sum(s => s.BudgetMinutes)}; the budgets must fit the slot."));
            slot = -1;
        }

        return id is null || version is null || title is null || description is null || steps is null || bars is null
            || slot < 0 || !expectationsValid
            ? null
            : new Rubric(id, version.Value, title, description, steps, bars) { SlotMinutes = slot, Expectations = expectations };
    }

    /// <summary>
    /// Whole-interview dimensions come after every timed step, so the step timer's positions are the rubric's
    /// positions; and a rubric needs at least one timed step to run an interview at all.
    /// </summary>
    private static bool CheckWholeInterviewSteps(ObjectReader rubric, List<RubricStep> steps, ProblemLog log)
    {
        var valid = true;
        if (steps.All(s => s.IsWholeInterview))
        {
            log.Add(JsonPath.Property(rubric.Path, "steps"), "has no timed step; at least one step must have scope \"step\".");
            return false;
        }

        var lastTimed = steps.FindLastIndex(s => !s.IsWholeInterview);
        for (var i = 0; i < lastTimed; i++)
        {
            if (steps[i].IsWholeInterview)
            {
                log.Add(JsonPath.Index(JsonPath.Property(rubric.Path, "steps"), i),
                    $"'{steps[i].Id}' is scored across the whole interview, so it must come after every timed step (it comes before '{steps[lastTimed].Id}').");
                valid = false;
            }
        }

        return valid;
    }

    private static LevelExpectations? ReadExpectations(ObjectReader rubric, out bool valid)
    {
        valid = true;
        if (rubric.Optional("levelExpectations") is null)
        {
            return null;
        }

        var obj = rubric.Object("levelExpectations", BarNames.Select(b => b.Name).ToArray());
        var texts = BarNames.Select(b => obj?.Text(b.Name, RubricLimits.MaxPurpose)).ToList();
        if (obj is null || texts.Any(t => t is null))
        {
            valid = false;
            return null;
        }

        return new LevelExpectations(texts[0]!, texts[1]!, texts[2]!);
    }

    private static List<RubricStep>? ReadSteps(ObjectReader rubric, ProblemLog log)
    {
        var items = rubric.Array("steps", 1, RubricLimits.MaxSteps, "step");
        if (items is null)
        {
            return null;
        }

        return ReadEach(items, new IdRegistry("step", log), log, ReadStep);
    }

    private static RubricStep? ReadStep(Located item, IdRegistry stepIds, ProblemLog log)
    {
        var obj = ObjectReader.Open(item, log, StepProperties);
        if (obj is null)
        {
            return null;
        }

        var id = ClaimId(obj, stepIds);
        var title = obj.Text("title", RubricLimits.MaxTitle);
        var purpose = obj.Text("purpose", RubricLimits.MaxPurpose);
        var wholeInterview = ReadScope(obj, log);
        var budget = wholeInterview switch
        {
            true when obj.Optional("budgetMinutes") is { } stray => NoBudget(stray, log),
            true => 0,
            false => obj.WholeNumber("budgetMinutes", 1, RubricLimits.MaxBudgetMinutes),
            null => null,
        };
        var weight = obj.PositiveNumber("weight", RubricLimits.MaxWeight);
        var questions = obj.TextList("questions", 1, RubricLimits.MaxQuestionsPerStep, RubricLimits.MaxQuestion, "question");
        var criteria = ReadCriteria(obj, log);
        var core = obj.Optional("core") is { } coreValue ? JsonValues.Boolean(coreValue, log) : false;
        if (wholeInterview == true && core == true)
        {
            log.Add(JsonPath.Property(obj.Path, "core"), "cannot be true on a whole-interview step; the per-step minimum is for timed core steps.");
            core = null;
        }
        var redFlags = obj.Optional("redFlags") is { } flagsValue ? ReadRedFlags(flagsValue, log) : [];

        return id is null || title is null || purpose is null || budget is null || weight is null || questions is null || criteria is null
            || core is null || redFlags is null
            ? null
            : new RubricStep(id, title, purpose, budget.Value, weight.Value, questions, criteria)
            {
                IsCore = core.Value, RedFlags = redFlags, IsWholeInterview = wholeInterview == true,
            };
    }

    /// <returns>True for a whole-interview dimension, false for a timed step, null when the value is wrong.</returns>
    private static bool? ReadScope(ObjectReader step, ProblemLog log)
    {
        if (step.Optional("scope") is not { } value)
        {
            return false;
        }

        var name = JsonValues.Text(value, RubricLimits.MaxLabel, log);
        if (name is StepScope or InterviewScope)
        {
            return name == InterviewScope;
        }

        if (name is not null)
        {
            log.Add(value.Path, $"'{name}' is not a scope; use \"{StepScope}\" (a timed step) or \"{InterviewScope}\" (scored across the whole interview).");
        }
        return null;
    }

    private static int? NoBudget(Located stray, ProblemLog log)
    {
        log.Add(stray.Path, "must be left out on a whole-interview step: it is never on the step timer.");
        return null;
    }

    private static List<RedFlag>? ReadRedFlags(Located value, ProblemLog log)
    {
        var items = JsonValues.Array(value, 1, RubricLimits.MaxRedFlagsPerStep, "red flag", log);
        return items is null ? null : ReadEach(items, new IdRegistry("red flag", log), log, (item, ids, l) =>
        {
            var obj = ObjectReader.Open(item, l, RedFlagProperties);
            if (obj is null)
            {
                return null;
            }
            var flagId = ClaimId(obj, ids);
            var description = obj.Text("description", RubricLimits.MaxRedFlag);
            var severity = ReadSeverity(obj, l);
            var afterProbe = obj.Optional("afterProbe") is { } probeValue ? JsonValues.Boolean(probeValue, l) : false;
            var levels = obj.Optional("levels") is { } levelsValue
                ? ReadNames(levelsValue, BarNames, "level", l)
                : [];
            var systems = obj.Optional("systems") is { } systemsValue
                ? ReadNames(systemsValue, SystemKinds.All.Select(k => (k, k)).ToArray(), "system kind", l)
                : [];
            return flagId is null || description is null || severity is null || afterProbe is null || levels is null || systems is null
                ? null
                : new RedFlag(flagId, description) { Severity = severity.Value, AfterProbe = afterProbe.Value, Levels = levels, Systems = systems };
        });
    }

    private static RedFlagSeverity? ReadSeverity(ObjectReader flag, ProblemLog log)
    {
        if (flag.Optional("severity") is not { } value)
        {
            return RedFlagSeverity.CapsVerdict;
        }

        var names = ReadNames(value, SeverityNames, "severity", log, single: true);
        return names is [var severity] ? severity : null;
    }

    /// <summary>A list of known names (or, with <paramref name="single"/>, one name), each at most once, mapped to values.</summary>
    private static List<T>? ReadNames<T>(Located value, (T Value, string Name)[] known, string noun, ProblemLog log, bool single = false)
    {
        IReadOnlyList<Located>? items = single ? [value] : JsonValues.Array(value, 1, known.Length, noun, log);
        if (items is null)
        {
            return null;
        }

        var values = new List<T>();
        var valid = true;
        foreach (var item in items)
        {
            var name = JsonValues.Text(item, RubricLimits.MaxLabel, log);
            var match = known.FirstOrDefault(k => k.Name == name);
            if (name is null)
            {
                valid = false;
            }
            else if (match.Name is null)
            {
                log.Add(item.Path, $"'{name}' is not a {noun}; use one of: {string.Join(", ", known.Select(k => k.Name))}.");
                valid = false;
            }
            else if (values.Contains(match.Value))
            {
                log.Add(item.Path, $"'{name}' appears more than once.");
                valid = false;
            }
            else
            {
                values.Add(match.Value);
            }
        }

        return valid ? values : null;
    }

    private static List<Criterion>? ReadCriteria(ObjectReader step, ProblemLog log)
    {
        var items = step.Array("criteria", RubricLimits.MinCriteriaPerStep, RubricLimits.MaxCriteriaPerStep, "criterion");
        if (items is null)
        {
            return null;
        }

        return ReadEach(items, new IdRegistry("criterion", log), log, ReadCriterion);
    }

    /// <summary>
    /// Reads every item (so every problem is reported), sharing one id registry for duplicates; the list is only
    /// usable when all items were valid.
    /// </summary>
    private static List<T>? ReadEach<T>(
        IReadOnlyList<Located> items, IdRegistry ids, ProblemLog log, Func<Located, IdRegistry, ProblemLog, T?> read)
        where T : class
    {
        var values = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (read(item, ids, log) is { } value)
            {
                values.Add(value);
            }
        }
        return values.Count == items.Count ? values : null;
    }

    private static Criterion? ReadCriterion(Located item, IdRegistry criterionIds, ProblemLog log)
    {
        var obj = ObjectReader.Open(item, log, CriterionProperties);
        if (obj is null)
        {
            return null;
        }

        var id = ClaimId(obj, criterionIds);
        var title = obj.Text("title", RubricLimits.MaxTitle);
        var levels = obj.Required("levels") is { } levelsValue ? ReadLevels(levelsValue, log) : null;
        var signals = obj.Optional("strongSignals") is { } signalsValue
            ? JsonValues.TextList(signalsValue, RubricLimits.MinStrongSignals, RubricLimits.MaxStrongSignals, RubricLimits.MaxStrongSignal, "strong signal", log)
            : [];

        return id is null || title is null || levels is null || signals is null
            ? null
            : new Criterion(id, title, levels) { StrongSignals = signals };
    }

    /// <summary>Reads an id and claims it in its scope, so a duplicate is reported even when the rest of its object is broken.</summary>
    internal static string? ClaimId(ObjectReader obj, IdRegistry ids)
    {
        var id = obj.Id("id");
        return id is not null && ids.Claim(id, JsonPath.Property(obj.Path, "id")) ? id : null;
    }

    /// <summary>Exactly the levels 1, 2, 3 and 4, each once, in any order; returned sorted.</summary>
    private static List<CriterionLevel>? ReadLevels(Located value, ProblemLog log)
    {
        var items = JsonValues.Array(value, 0, int.MaxValue, "level", log);
        if (items is null)
        {
            return null;
        }

        var levels = new List<CriterionLevel>();
        var seenAt = new Dictionary<int, string>();
        var valid = true;
        foreach (var item in items)
        {
            var level = ReadLevel(item, log);
            if (level is null)
            {
                valid = false;
            }
            else if (seenAt.TryGetValue(level.Level, out var first))
            {
                log.Add(JsonPath.Property(item.Path, "level"), $"level {level.Level} appears more than once (first at {first}).");
                valid = false;
            }
            else
            {
                seenAt.Add(level.Level, item.Path);
                levels.Add(level);
            }
        }

        // Only blame a gap when every item could be read: a broken item may well be the "missing" level.
        var missing = Enumerable.Range(CriterionLevel.Lowest, CriterionLevel.Highest).Where(l => !seenAt.ContainsKey(l)).ToList();
        if (missing.Count > 0 && valid)
        {
            var names = missing.Count == 1 ? $"level {missing[0]}" : $"levels {string.Join(", ", missing[..^1])} and {missing[^1]}";
            log.Add(value.Path, Invariant($"is missing {names}; a criterion needs exactly the four levels 1, 2, 3 and 4."));
            valid = false;
        }

        return valid ? levels.OrderBy(l => l.Level).ToList() : null;
    }

    private static CriterionLevel? ReadLevel(Located item, ProblemLog log)
    {
        var obj = ObjectReader.Open(item, log, LevelProperties);
        if (obj is null)
        {
            return null;
        }

        int? level = null;
        if (obj.Required("level") is { } levelValue)
        {
            if (levelValue.Element.ValueKind == JsonValueKind.Number
                && levelValue.Element.TryGetInt32(out var number)
                && number is >= CriterionLevel.Lowest and <= CriterionLevel.Highest)
            {
                level = number;
            }
            else
            {
                log.Add(levelValue.Path, Invariant($"must be 1, 2, 3 or 4, not {levelValue.Element.GetRawText()}."));
            }
        }

        var label = obj.OptionalText("label", RubricLimits.MaxLabel);
        var descriptor = obj.Text("descriptor", RubricLimits.MaxDescriptor);

        return level is null || descriptor is null
            ? null
            : new CriterionLevel(level.Value, label ?? CriterionLevel.StandardLabel(level.Value), descriptor);
    }

    private static List<LevelBar>? ReadLevelBars(ObjectReader rubric, ProblemLog log)
    {
        var obj = rubric.Object("levelBars", BarNames.Select(b => b.Name).ToArray());
        if (obj is null)
        {
            return null;
        }

        var bars = new List<(LevelBar Bar, string Path)>();
        foreach (var (level, name) in BarNames)
        {
            var barObject = obj.Object(name, BarProperties);
            if (barObject is null)
            {
                continue;
            }

            var minOverall = barObject.NumberBetween("minOverall", CriterionLevel.Lowest, CriterionLevel.Highest);
            var minStep = barObject.NumberBetween("minStep", CriterionLevel.Lowest, CriterionLevel.Highest);
            var misses = barObject.Optional("stepMissesAllowed") is { } missesValue
                ? JsonValues.WholeNumber(missesValue, 0, RubricLimits.MaxStepMissesAllowed, log)
                : 0;
            var depth = ReadDepth(barObject, out var depthValid);
            if (minOverall is not null && minStep is not null && misses is not null && depthValid)
            {
                bars.Add((new LevelBar(level, minOverall.Value, minStep.Value) { StepMissesAllowed = misses.Value, Depth = depth }, barObject.Path));
            }
        }

        var rising = CheckRising(bars, b => b.MinOverall, "minOverall", log) & CheckRising(bars, b => b.MinStep, "minStep", log);
        return bars.Count == BarNames.Length && rising ? bars.Select(b => b.Bar).ToList() : null;
    }

    private static DepthBar? ReadDepth(ObjectReader bar, out bool valid)
    {
        valid = true;
        if (bar.Optional("deepSteps") is null)
        {
            return null;
        }

        var obj = bar.Object("deepSteps", DepthProperties);
        var count = obj?.WholeNumber("count", 1, RubricLimits.MaxSteps);
        var minScore = obj?.NumberBetween("minScore", CriterionLevel.Lowest, CriterionLevel.Highest);
        valid = count is not null && minScore is not null;
        return valid ? new DepthBar(count!.Value, minScore!.Value) : null;
    }

    /// <summary>A higher level never asks for less than a lower one.</summary>
    private static bool CheckRising(List<(LevelBar Bar, string Path)> bars, Func<LevelBar, double> value, string property, ProblemLog log)
    {
        var rising = true;
        for (var i = 1; i < bars.Count; i++)
        {
            var (lower, _) = bars[i - 1];
            var (higher, higherPath) = bars[i];
            if (value(higher) < value(lower))
            {
                log.Add(JsonPath.Property(higherPath, property),
                    Invariant($"{higher.Level} {property} {value(higher)} is below {lower.Level} {property} {value(lower)}; bars must rise from Mid to Senior to Staff."));
                rising = false;
            }
        }

        return rising;
    }
}
