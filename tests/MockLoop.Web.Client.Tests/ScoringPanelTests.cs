using Microsoft.AspNetCore.Components;
using MockLoop.Core.Contracts;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

public class ScoringPanelTests : BunitContext
{
    private static readonly Criterion Scope = new("scope", "Scope and scale",
        [.. Enumerable.Range(1, 4).Select(l => new CriterionLevel(l, CriterionLevel.StandardLabel(l), $"Level {l} descriptor"))]);

    private static readonly RubricStep Clarify = new("clarify", "Clarify requirements", "Agree on the problem", 5, 10, [], [Scope]);

    [Fact]
    public void Picking_a_level_scores_the_criterion_of_the_current_step_and_keeps_its_note()
    {
        var scored = new List<CriterionScoreView>();
        var cut = Render<ScoringPanel>(p => p
            .Add(x => x.Step, Clarify)
            .Add(x => x.OnScore, EventCallback.Factory.Create<CriterionScoreView>(this, scored.Add)));

        cut.Find("#note-clarify-scope").Input("Asked about DAU");
        cut.Find("[aria-label='Scope and scale: level 4, Strong']").Click();
        cut.Find("[aria-label='Scope and scale: not assessed']").Click();

        Assert.Equal(
            [new CriterionScoreView("clarify", "scope", 4, "Asked about DAU"), new CriterionScoreView("clarify", "scope", null, "Asked about DAU")],
            scored);
    }

    [Fact]
    public void The_stored_level_is_checked_and_the_step_and_overall_scores_are_shown()
    {
        var cut = Render<ScoringPanel>(p => p
            .Add(x => x.Step, Clarify)
            .Add(x => x.Scores, new Dictionary<string, CriterionScoreView> { ["clarify/scope"] = new("clarify", "scope", 3, null) })
            .Add(x => x.Preview, new ScorePreview(2.6, [new StepScoreView("clarify", 3, 1, 1)])));

        Assert.Equal("true", cut.Find("[aria-label='Scope and scale: level 3, Solid']").GetAttribute("aria-checked"));
        Assert.Equal("3.00 step", cut.Find("[aria-label='Step score']").TextContent);
        Assert.Equal("2.60 overall", cut.Find("[aria-label='Overall score']").TextContent);
    }

    [Fact]
    public void After_the_scorecard_the_levels_are_locked()
    {
        var cut = Render<ScoringPanel>(p => p.Add(x => x.Step, Clarify).Add(x => x.Locked, true));

        Assert.All(cut.FindAll("[role=radio]"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void The_scorecard_needs_a_next_step_and_is_submitted_once()
    {
        var drafts = new List<ScorecardDraft>();
        var cut = Render<ScorecardForm>(p => p.Add(x => x.OnSubmit, EventCallback.Factory.Create<ScorecardDraft>(this, drafts.Add)));
        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));

        cut.Find("#target-level").Change("Staff");
        cut.Find("#strengths").Input(" Clear requirements ");
        cut.Find("#next-step").Input("Practise ranking metrics");
        cut.Find("form").Submit();
        cut.Find("form").Submit();

        Assert.Equal([new ScorecardDraft("Staff", "Clear requirements", "", "Practise ranking metrics")], drafts);
        Assert.Equal("Submitting…", cut.Find("button[type=submit]").TextContent.Trim());
    }
}
