using MockLoop.Core.Cases;
using MockLoop.Core.Contracts;
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
}
