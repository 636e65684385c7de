using MockLoop.Core.Cases;
using MockLoop.Core.Cases.Envelope;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Tests.Cases;

/// <summary>
/// The audit every shipped case passes (issue 23): a worked back-of-envelope whose every formula is redone here,
/// Mid anchors, a probe for every criterion, an answer key for the reference diagram, two time-boxed curveballs,
/// monitoring drawn, and core components that are truly core.
/// </summary>
public class ShippedCaseAuditTests
{
    private static readonly Lazy<LibraryLoadResult> Library = new(() => RubricLibrary.LoadDirectory(ShippedContent.RubricsDir));

    private static Rubric Rubric => Library.Value.FindRubric("ml-system-design")!.Rubric;

    public static TheoryData<string> CaseIds() => new(Library.Value.Cases.Select(c => c.Id));

    private static InterviewCase Case(string id) => Library.Value.Cases.Single(c => c.Id == id);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_formula_of_the_worked_back_of_envelope_gives_the_number_the_case_states(string id)
    {
        var envelope = Assert.IsType<BackOfEnvelope>(Case(id).Envelope);
        var stated = new Dictionary<string, double>(StringComparer.Ordinal);

        foreach (var quantity in envelope.Quantities)
        {
            if (quantity.Formula is { } formula)
            {
                var (computed, error) = EnvelopeMath.Recompute(formula, stated);
                Assert.True(error is null, $"{id}: {quantity.Name} {error}");
                Assert.True(EnvelopeMath.Agrees(quantity.Value, computed),
                    $"{id}: {quantity.Name} states {quantity.Value} but {formula} gives {computed}.");
            }
            stated.Add(quantity.Name, quantity.Value);
        }

        Assert.All(envelope.Claims, claim =>
            Assert.True(((ComparisonExpression)EnvelopeExpression.Parse(claim.Holds, comparison: true)).Holds(stated), $"{id}: {claim.Holds} is false."));
        Assert.Empty(EnvelopeMath.Check(envelope));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_envelope_works_out_rate_compute_cost_and_storage_and_agrees_with_the_budgets(string id)
    {
        var c = Case(id);
        var envelope = c.Envelope!;
        var worked = envelope.Quantities.Where(q => q.Formula is not null).Select(q => q.Kind).ToHashSet();

        Assert.Subset(worked, new HashSet<string?> { EnvelopeKinds.Rate, EnvelopeKinds.Compute, EnvelopeKinds.Cost, EnvelopeKinds.Storage });
        Assert.NotEmpty(envelope.Claims);
        var average = Assert.IsType<EnvelopeQuantity>(envelope.Find("averageRequestsPerSecond"));
        Assert.NotNull(average.Formula);
        Assert.True(EnvelopeMath.Agrees(c.Budgets!.AverageRequestsPerSecond, average.Value));
        Assert.Contains(envelope.Quantities, q => q.Name == "peakRequestsPerSecond" && EnvelopeMath.Agrees(q.Value, c.Budgets.PeakRequestsPerSecond));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_case_names_its_kind_of_system_and_has_a_mid_anchor_in_every_step(string id)
    {
        var c = Case(id);

        Assert.Contains(c.SystemKind, SystemKinds.All);
        Assert.All(Rubric.TimedSteps, step =>
        {
            var hints = Assert.IsType<StepHints>(c.HintSetFor(step.Id));
            Assert.False(string.IsNullOrWhiteSpace(hints.MidAnchor), $"{id}/{step.Id} has no Mid anchor.");
            Assert.NotEqual(hints.MidAnchor, hints.SeniorAnswer);
        });
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_case_has_a_probe_for_every_criterion_of_the_rubric(string id)
    {
        var probed = Case(id).Probes.Select(p => new CriterionRef(p.StepId, p.CriterionId)).ToHashSet();

        var unprobed = Rubric.Steps.SelectMany(s => s.Criteria.Select(c => new CriterionRef(s.Id, c.Id))).Where(r => !probed.Contains(r)).ToList();

        Assert.True(unprobed.Count == 0, $"{id} has no probe for {string.Join(", ", unprobed)}.");
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_reference_diagram_has_an_answer_key_entry_per_component_and_draws_monitoring(string id)
    {
        var c = Case(id);
        var drawn = c.ReferenceDiagram!.Nodes.Where(n => !n.IsNote).Select(n => n.ComponentType).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(drawn.Order(StringComparer.Ordinal), c.AnswerKey.Select(k => k.Component).Order(StringComparer.Ordinal));
        Assert.Contains("monitoring", drawn);
        Assert.Contains(c.ReferenceDiagram.Links, l => c.ReferenceDiagram.Nodes.Any(n => n.Id == l.TargetId && n.ComponentType == "monitoring"));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_case_has_two_time_boxed_curveballs_that_fit_the_slot_buffer(string id)
    {
        var curveballs = Case(id).Curveballs;

        Assert.Equal(2, curveballs.Count);
        Assert.All(curveballs, c => Assert.InRange(c.Minutes, 3, 10));
    }

    [Fact]
    public void No_component_is_core_in_more_than_half_of_the_cases()
    {
        var cases = Library.Value.Cases;
        var overused = cases.SelectMany(c => c.CoreComponents).GroupBy(id => id)
            .Where(g => g.Count() * 2 > cases.Count).Select(g => $"{g.Key} ({g.Count()} of {cases.Count})").ToList();

        Assert.True(overused.Count == 0, "Core in more than half the cases, so it tells nothing about a design: " + string.Join(", ", overused));
    }

    [Fact]
    public void The_cases_cover_both_kinds_of_system()
    {
        Assert.All(SystemKinds.All, kind => Assert.Contains(Library.Value.Cases, c => c.SystemKind == kind));
    }

    [Fact]
    public void The_fixed_numbers_stay_fixed()
    {
        var rag = Case("rag-assistant");
        Assert.Equal(40_000, rag.Budgets!.DailyRequests);
        Assert.True(rag.Envelope!.Find("costPerYear")!.Value > rag.Envelope.Find("costBudgetPerYear")!.Value, "The uncached cost must show it overruns the budget.");

        var blurring = Case("street-imagery-blurring");
        Assert.Equal(600, blurring.Budgets!.LatencyBudgetMs);
        Assert.True(blurring.Envelope!.Find("budgetedInferenceGpus")!.Value <= 200);
        Assert.Equal(SystemKinds.Batch, blurring.SystemKind);

        Assert.Contains("$0.004 per thousand", Case("ad-click-prediction").Budgets!.CostBudget, StringComparison.Ordinal);
    }
}
