using MockLoop.Core.Cases;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

public class CasePanelTests : BunitContext
{
    private static readonly StepHints ClarifyHints = new("How many users a day?", "Asks DAU and peak QPS", "Prices the serving cost", ["Skips scale"]);

    [Fact]
    public void The_interviewer_sees_the_facts_and_the_current_steps_hints_split_into_their_parts()
    {
        var cut = Render<CasePanel>(p => p
            .Add(x => x.Case, new CaseView("feed", "Feed ranking", "Rank the home feed.", [new CaseFact("Users", "50M DAU")],
                new Dictionary<string, IReadOnlyList<string>> { ["clarify"] = ClarifyHints.Lines(), ["framing"] = [] }))
            .Add(x => x.CurrentStepId, "clarify")
            .Add(x => x.CurrentStepTitle, "Clarify requirements"));

        Assert.Contains("Facts to reveal when asked", cut.Markup);
        Assert.Equal("50M DAU", cut.Find(".case-facts dd").TextContent);
        Assert.Equal(["Probe", "Expected Senior answer", "Staff extension", "Red flag"], cut.FindAll(".case-hints dt").Select(d => d.TextContent));
        Assert.Equal("Skips scale", cut.Find(".hint-flag dd").TextContent);

        cut.Render(p => p.Add(x => x.CurrentStepId, "framing").Add(x => x.CurrentStepTitle, "Frame as an ML task"));
        Assert.Contains("No hints for this step.", cut.Markup);
    }

    [Fact]
    public void The_candidate_sees_only_the_prompt()
    {
        var cut = Render<CasePanel>(p => p.Add(x => x.Case, new CaseView("feed", "Feed ranking", "Rank the home feed.", null, null)));

        Assert.Contains("Rank the home feed.", cut.Markup);
        Assert.DoesNotContain("Facts to reveal", cut.Markup);
        Assert.DoesNotContain("Hints for", cut.Markup);
    }

    private static readonly DiagramSnapshot Reference = DiagramDocument.Empty
        .Apply(new AddNodeOp("op_a", new DiagramNode("n_a", "feature-store", "Feature store", 0, 0, 160, 60)))
        .ToSnapshot();

    [Fact]
    public void The_interviewer_can_open_the_reference_design_drawn_in_the_canvas_colours_marked_as_theirs_only()
    {
        var cut = Render<CasePanel>(p => p
            .Add(x => x.Case, new CaseView("feed", "Feed ranking", "Rank the home feed.", [new CaseFact("Users", "50M DAU")],
                new Dictionary<string, IReadOnlyList<string>>(), Reference))
            .Add(x => x.Categories, new Dictionary<string, string> { ["feature-store"] = "data" }));

        var details = cut.Find("details.reference-design");
        Assert.False(details.HasAttribute("open"));
        Assert.Contains("only you", details.QuerySelector("summary")!.TextContent);
        Assert.Equal("Reference design for Feed ranking", details.QuerySelector("svg[role=img]")!.GetAttribute("aria-label"));
        Assert.Contains("Feature store", details.TextContent);

        // Too small in the side column: it opens full size over the room, and closes with its button or Escape.
        Assert.Empty(cut.FindAll("[role=dialog]"));
        cut.Find("details.reference-design button").Click();
        Assert.Equal("Reference design for Feed ranking, full size", cut.Find("[role=dialog]").GetAttribute("aria-label"));
        cut.Find("[role=dialog]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(cut.FindAll("[role=dialog]"));
        cut.Find("details.reference-design button").Click();
        cut.Find("[role=dialog] button").Click();
        Assert.Empty(cut.FindAll("[role=dialog]"));
    }

    [Fact]
    public void The_candidate_sees_the_reference_design_open_once_it_is_sent_and_nothing_before()
    {
        var before = Render<CasePanel>(p => p.Add(x => x.Case, new CaseView("feed", "Feed ranking", "Rank the home feed.", null, null)));
        Assert.Empty(before.FindAll("details.reference-design"));

        var after = Render<CasePanel>(p => p.Add(x => x.Case, new CaseView("feed", "Feed ranking", "Rank the home feed.", null, null, Reference)));
        var details = after.Find("details.reference-design");
        Assert.True(details.HasAttribute("open"));
        Assert.DoesNotContain("only you", details.TextContent);
    }
}
