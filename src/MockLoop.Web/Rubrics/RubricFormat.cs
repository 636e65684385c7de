using System.Globalization;
using MockLoop.Core.Cases;
using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Rubrics;

/// <summary>How the library pages write numbers, levels and links.</summary>
internal static class RubricFormat
{
    public static string Href(Rubric rubric) => Href(rubric.Id, rubric.Version);

    public static string Href(string id, int version) => $"/rubrics/{Uri.EscapeDataString(id)}/v/{version}";

    public static string CaseHref(InterviewCase interviewCase) => $"/cases/{Uri.EscapeDataString(interviewCase.Id)}";

    public static string Minutes(int minutes) => $"{minutes} min";

    /// <summary>What recording a red flag does, in the words the rubric page and the report use.</summary>
    public static string FlagRule(RedFlag flag)
    {
        var effect = flag.Severity switch
        {
            RedFlagSeverity.CapsVerdict => "caps the verdict",
            RedFlagSeverity.LowersStep => "lowers its step by one point",
            _ => "a note only",
        };
        var when = flag.AfterProbe ? ", only if it persists after a probe" : "";
        var levels = flag.Levels.Count == 0 ? "" : $", at {string.Join(" and ", flag.Levels)}";
        var systems = flag.Systems.Count == 0 ? "" : $", {string.Join(" and ", flag.Systems)} systems only";
        return effect + when + levels + systems;
    }

    /// <summary>Bars and weights as written (2.5, 3), never 2.50.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Level(TargetLevel level) => level.ToString();

    /// <summary>A step's weight as its share of the whole rubric, for people who think in percentages.</summary>
    public static string Share(Rubric rubric, RubricStep step)
    {
        var total = rubric.Steps.Sum(s => s.Weight);
        return total <= 0 ? "" : $"{Math.Round(step.Weight / total * 100):0}%";
    }

    /// <summary>Position of a 1–4 score on a bar drawn from 1 to 4, in percent.</summary>
    public static string ScalePercent(double score) =>
        (Math.Clamp((score - CriterionLevel.Lowest) / (CriterionLevel.Highest - CriterionLevel.Lowest), 0, 1) * 100)
        .ToString("0.#", CultureInfo.InvariantCulture);

    public static string Difficulty(CaseDifficulty? difficulty) => difficulty switch
    {
        CaseDifficulty.Easy => "Easy",
        CaseDifficulty.Medium => "Medium",
        CaseDifficulty.Hard => "Hard",
        _ => "Unrated",
    };

    public static string DifficultyClass(CaseDifficulty? difficulty) =>
        "difficulty " + (difficulty?.ToString().ToLowerInvariant() ?? "unrated");

    public static string ShortHash(string hash) => hash.Length > 12 ? hash[..12] : hash;

    public static string CategoryClass(ComponentCategory category) => "cat-" + category.ToJsonName();

    /// <summary>The category's colour from the vocabulary, as a CSS custom property (empty when the file gives none).</summary>
    public static string CategoryStyle(ComponentVocabulary vocabulary, ComponentCategory category) =>
        vocabulary.Categories.FirstOrDefault(c => c.Category == category) is { } style ? $"--cat: {style.Color}" : "";

    public static string Rate(double perSecond) => perSecond.ToString(perSecond < 10 ? "0.#" : "N0", CultureInfo.InvariantCulture) + "/s";

    public static string Latency(int ms) => ms >= 1000 && ms % 100 == 0
        ? (ms / 1000.0).ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : ms.ToString(CultureInfo.InvariantCulture) + " ms";

    public static string MlTask(string? task) => task is null ? "" : char.ToUpperInvariant(task[0]) + task[1..];
}
