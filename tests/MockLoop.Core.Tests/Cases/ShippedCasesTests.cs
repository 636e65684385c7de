using System.Globalization;
using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Tests.Cases;

/// <summary>Content tests: the shipped case library, checked against the schema rules, Core's rules and itself.</summary>
public class ShippedCasesTests
{
    private static readonly Lazy<LibraryLoadResult> Library = new(() => RubricLibrary.LoadDirectory(Path.Combine(RepoRoot(), "rubrics")));

    private static IReadOnlyList<InterviewCase> Cases => Library.Value.Cases;

    private static Rubric Rubric => Library.Value.FindRubric("ml-system-design")!.Rubric;

    private static ComponentVocabulary Vocabulary => Library.Value.Components!;

    public static TheoryData<string> CaseIds() => new(Library.Value.Cases.Select(c => c.Id));

    private static InterviewCase Case(string id) => Cases.Single(c => c.Id == id);

    [Fact]
    public void The_library_ships_at_least_sixteen_valid_cases_including_the_six_new_ones()
    {
        Assert.True(Library.Value.IsValid, Rubrics.ProblemAssertions.Describe(Library.Value.Problems));
        Assert.True(Cases.Count >= 16, $"Only {Cases.Count} cases.");
        Assert.All(
            ["rag-assistant", "eta-prediction", "street-imagery-blurring", "video-search", "query-autocomplete", "spam-detection",
             "video-recommendations", "ad-click-prediction", "harmful-content-detection", "visual-search", "event-recommendations",
             "news-feed-ranking", "people-you-may-know", "similar-listings", "search-ranking", "fraud-detection"],
            id => Assert.Contains(Cases, c => c.Id == id));
        Assert.True(Cases.Count(c => c.Difficulty == CaseDifficulty.Easy) >= 2, "Fewer than two easy cases for Mid candidates.");
    }

    [Fact]
    public void Content_v3_adds_eight_cases_from_what_candidates_meet_today_two_easy_and_two_staff_leaning_at_least()
    {
        string[] added =
        [
            "demand-forecasting", "fake-account-detection", "llm-serving-platform", "support-agent",
            "fine-tuning-data-pipeline", "code-completion", "conversion-prediction", "notification-uplift",
        ];
        var cases = added.Select(Case).ToList();

        Assert.True(Cases.Count >= 24, $"Only {Cases.Count} cases.");
        Assert.True(cases.Count(c => c.Difficulty == CaseDifficulty.Easy) >= 2, "Fewer than two easy new cases.");
        Assert.True(cases.Count(c => c.Difficulty == CaseDifficulty.Hard) >= 2, "Fewer than two Staff-leaning (hard) new cases.");
    }

    [Fact]
    public void The_cases_cover_ranking_classification_regression_detection_and_generation()
    {
        Assert.All(["ranking", "retrieval", "classification", "regression", "detection", "generation"],
            task => Assert.Contains(Cases, c => c.MlTask == task));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_case_gives_a_request_rate_a_latency_budget_and_a_cost_budget_that_its_facts_repeat(string id)
    {
        var c = Case(id);
        var budgets = Assert.IsType<CaseBudgets>(c.Budgets);
        var facts = string.Join(" ", c.Facts.Select(f => f.Detail));

        Assert.True(budgets.PeakRequestsPerSecond >= budgets.AverageRequestsPerSecond);
        Assert.NotNull(budgets.DailyRequests);
        Assert.InRange(budgets.AverageRequestsPerSecond, budgets.DailyRequests!.Value / 86_400 * 0.75, budgets.DailyRequests.Value / 86_400 * 1.25);
        Assert.Contains(budgets.PeakRequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture), facts, StringComparison.Ordinal);
        var latency = budgets.LatencyBudgetMs;
        Assert.True(
            facts.Contains(string.Create(CultureInfo.InvariantCulture, $"{latency} ms"), StringComparison.Ordinal)
            || facts.Contains(string.Create(CultureInfo.InvariantCulture, $"{latency / 1000.0} second"), StringComparison.Ordinal),
            $"{id}: the facts never state the {latency} ms latency budget.");
        Assert.False(string.IsNullOrWhiteSpace(budgets.CostBudget));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_case_has_split_hints_for_every_rubric_step(string id)
    {
        var c = Case(id);

        Assert.Equal("ml-system-design", c.RubricId);
        Assert.Equal(Rubric.TimedSteps.Select(s => s.Id), c.Hints.Keys);
        Assert.All(c.Hints.Values, h =>
        {
            Assert.NotEqual(h.Probe, h.SeniorAnswer);
            Assert.NotEqual(h.SeniorAnswer, h.StaffExtension);
            Assert.NotEmpty(h.RedFlags);
        });
        Assert.True(c.Facts.Count >= 5, $"{id} has only {c.Facts.Count} facts.");
        Assert.NotNull(c.Difficulty);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_component_a_case_names_is_in_the_vocabulary_and_core_ones_are_ml_specific(string id)
    {
        var c = Case(id);
        var named = c.ExpectedComponents.Concat(c.ReferenceDiagram!.Nodes.Select(n => n.ComponentType));

        Assert.All(named, componentId => Assert.True(Vocabulary.Contains(componentId), $"{id} names '{componentId}', which components.json lacks."));
        Assert.InRange(c.CoreComponents.Count, 6, 10);
        Assert.All(c.CoreComponents, componentId => Assert.False(Vocabulary.Find(componentId)!.IsGeneric, $"{id}: '{componentId}' is generic."));
        Assert.DoesNotContain("client", c.CoreComponents);
        Assert.DoesNotContain("api-gateway", c.CoreComponents);
        Assert.DoesNotContain("service", c.CoreComponents);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_reference_diagram_replays_through_the_diagram_rules_and_draws_the_core_components(string id)
    {
        var c = Case(id);
        var diagram = c.ReferenceDiagram!;
        var rules = new DiagramRules(Vocabulary.Components.Select(x => x.Id));
        var document = DiagramDocument.Empty;
        var ops = diagram.Zones.Select((z, i) => (DiagramOp)new AddZoneOp($"z{i}", z))
            .Concat(diagram.Nodes.Select((n, i) => (DiagramOp)new AddNodeOp($"n{i}", n)))
            .Concat(diagram.Links.Select((l, i) => (DiagramOp)new AddLinkOp($"l{i}", l)));

        foreach (var op in ops)
        {
            Assert.Null(rules.Validate(document, op));
            document = document.Apply(op);
        }

        Assert.Equal(diagram.Nodes.Count + diagram.Links.Count, document.ElementCount);
        Assert.Subset(document.Nodes.Select(n => n.ComponentType).ToHashSet(), c.CoreComponents.ToHashSet());
        Assert.All(document.Nodes, n => Assert.DoesNotContain(document.Nodes, o => o.Id != n.Id && o.X == n.X && o.Y == n.Y));
    }

    [Fact]
    public void The_fixed_contradictions_stay_fixed()
    {
        var pymk = string.Join(" ", Case("people-you-may-know").Facts.Select(f => f.Detail));
        Assert.Contains("200 connections", pymk, StringComparison.Ordinal);
        Assert.Contains("90 billion", pymk, StringComparison.Ordinal);
        Assert.Contains("A member's own views may be used", pymk, StringComparison.Ordinal);

        var fraud = string.Join(" ", Case("fraud-detection").Facts.Select(f => f.Detail));
        Assert.Contains("0.05 %", fraud, StringComparison.Ordinal);
        Assert.Contains("$150M of fraud a year", fraud, StringComparison.Ordinal);
        Assert.Contains("120 days", fraud, StringComparison.Ordinal);

        var search = Case("search-ranking").HintSetFor("frame-ml-task")!.StaffExtension;
        Assert.Contains("LambdaRank weights each pair's gradient", search, StringComparison.Ordinal);

        var ads = Case("ad-click-prediction");
        Assert.Equal(300_000, ads.Budgets!.PeakRequestsPerSecond);
        Assert.Contains("300B impressions a month", string.Join(" ", ads.Facts.Select(f => f.Detail)), StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MockLoop.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("MockLoop.sln not found.");
    }
}
