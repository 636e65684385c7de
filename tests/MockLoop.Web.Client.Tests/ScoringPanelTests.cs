using AngleSharp.Dom;
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

    private static readonly Criterion Scale = new("scale", "Scale and latency",
        [.. Enumerable.Range(1, 4).Select(l => new CriterionLevel(l, CriterionLevel.StandardLabel(l), $"Level {l} descriptor"))])
    {
        StrongSignals = ["Does the arithmetic out loud", "Separates hard constraints from preferences", "Names the cost driver"],
    };

    private static readonly RubricStep Evaluation = new("evaluation", "Evaluation", "Measure it", 8, 15, [], [Scope, Scale])
    {
        IsCore = true,
        RedFlags = [new RedFlag("accuracy-rare", "Uses accuracy as the metric when positives are rare")],
    };

    private static Func<CriterionScoreView, Task<bool>> Into(List<CriterionScoreView> saved, bool stored = true) =>
        score => { saved.Add(score); return Task.FromResult(stored); };

    [Fact]
    public void Picking_a_level_scores_the_criterion_of_the_current_step_and_keeps_its_note()
    {
        var scored = new List<CriterionScoreView>();
        var cut = Render<ScoringPanel>(p => p.Add(x => x.Step, Clarify).Add(x => x.Score, Into(scored)));

        cut.Find("#note-clarify-scope").Input("Asked about DAU");
        cut.Find("[aria-label='Scope and scale: level 4, Strong']").Click();
        cut.Find("[aria-label='Scope and scale: not assessed']").Click();

        Assert.Equal([(4, "Asked about DAU"), (null, "Asked about DAU")], scored.Select(s => (s.Level, s.Note)));
        Assert.All(scored, s => Assert.Equal(("clarify", "scope", false), (s.StepId, s.CriterionId, s.NeededHint)));
    }

    [Fact]
    public void Level_4_stays_disabled_until_two_strong_signals_are_ticked_and_is_then_sent_with_them()
    {
        var scored = new List<CriterionScoreView>();
        var cut = Render<ScoringPanel>(p => p.Add(x => x.Step, Evaluation).Add(x => x.Score, Into(scored)));
        IElement Four() => cut.Find("[aria-label='Scale and latency: level 4, Strong']");

        Assert.True(Four().HasAttribute("disabled"));
        Assert.Contains("2 of its strong signals", Four().GetAttribute("title"));
        Assert.Contains("(0 ticked)", cut.Find(".strong-signals summary").TextContent);
        // The criterion without signals describes level 4 in its descriptor alone: it is never blocked.
        Assert.False(cut.Find("[aria-label='Scope and scale: level 4, Strong']").HasAttribute("disabled"));

        cut.FindAll(".signal input")[0].Change(true);
        Assert.True(Four().HasAttribute("disabled"));
        cut.FindAll(".signal input")[2].Change(true);
        Assert.Contains("(2 ticked)", cut.Find(".strong-signals summary").TextContent);
        Four().Click();

        Assert.Equal([0, 2], scored[^1].Signals);
        Assert.Equal(4, scored[^1].Level);
        // Level 4 rests on both: neither can be unticked until the level is lowered.
        Assert.All(cut.FindAll(".signal input").Where(i => i.HasAttribute("checked")), i => Assert.True(i.HasAttribute("disabled")));
    }

    [Fact]
    public void Needed_a_hint_is_sent_with_the_level_and_marks_a_4_as_counting_3()
    {
        var scored = new List<CriterionScoreView>();
        var cut = Render<ScoringPanel>(p => p.Add(x => x.Step, Evaluation).Add(x => x.Score, Into(scored)));

        cut.Find("[aria-label='Scope and scale: level 4, Strong']").Click();
        cut.FindAll(".hint-mark input")[0].Change(true);

        Assert.Equal((4, true), (scored[^1].Level, scored[^1].NeededHint));
        Assert.Contains("counts 3", cut.Find("[aria-label='Scope and scale: level 4, Strong']").TextContent);
    }

    [Fact]
    public void A_refused_mark_goes_back_to_the_servers_copy()
    {
        var cut = Render<ScoringPanel>(p => p
            .Add(x => x.Step, Evaluation)
            .Add(x => x.Scores, new Dictionary<string, CriterionScoreView> { ["evaluation/scope"] = new("evaluation", "scope", 2, null) })
            .Add(x => x.Score, Into([], stored: false)));

        cut.Find("[aria-label='Scope and scale: level 3, Solid']").Click();

        Assert.Equal("true", cut.Find("[aria-label='Scope and scale: level 2, Weak']").GetAttribute("aria-checked"));
        Assert.Equal("false", cut.Find("[aria-label='Scope and scale: level 3, Solid']").GetAttribute("aria-checked"));
    }

    [Fact]
    public void A_red_flag_is_raised_for_its_step_and_the_count_warns_that_it_caps_the_verdict()
    {
        var flags = new List<RedFlagIntent>();
        var cut = Render<ScoringPanel>(p => p
            .Add(x => x.Step, Evaluation)
            .Add(x => x.Flag, f => { flags.Add(f); return Task.FromResult(true); }));
        Assert.Empty(cut.FindAll(".red-flag-banner"));
        Assert.Contains("Core step", cut.Find(".scoring-rules").TextContent);

        cut.Find(".red-flag input").Change(true);
        Assert.Equal([new RedFlagIntent("evaluation", "accuracy-rare", true)], flags);
        Assert.True(cut.Find(".red-flag input").HasAttribute("checked"));

        cut.Render(p => p.Add(x => x.RedFlags, [new RedFlagView("evaluation", "accuracy-rare", "Uses accuracy as the metric when positives are rare")]));
        Assert.StartsWith("1 red flag recorded", cut.Find(".red-flag-banner").TextContent.Trim());
        Assert.True(cut.Find(".red-flag input").HasAttribute("checked"));
    }

    [Fact]
    public void The_scorecard_form_says_what_the_target_level_looks_like_and_warns_of_a_red_flag()
    {
        var cut = Render<ScorecardForm>(p => p
            .Add(x => x.Expectations, new LevelExpectations("Mid words", "Senior words", "Staff words"))
            .Add(x => x.RedFlagCount, 1));

        Assert.Equal("Senior words", cut.Find("[aria-label='What this level looks like']").TextContent);
        cut.Find("#target-level").Change("Mid");
        Assert.Equal("Mid words", cut.Find("[aria-label='What this level looks like']").TextContent);
        Assert.Contains("below the Mid bar", cut.Find(".red-flag-banner").TextContent);
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
