using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions.Live;

/// <summary>What each seat sees of the case in the room; the reference design is interviewer material until the end.</summary>
public class CaseViewTests
{
    private static readonly DiagramSnapshot Reference = DiagramDocument.Empty
        .Apply(new AddNodeOp("op_a", new DiagramNode("n_a", "feature-store", "Feature store", 0, 0, 160, 60)))
        .ToSnapshot();

    private static InterviewCase Case(DiagramSnapshot? reference) =>
        new("feed", "ml-system-design", "Feed ranking", "Rank the home feed.", [new CaseFact("Users", "50M DAU")],
            new Dictionary<string, StepHints>(), ["feature-store"], [], null) { ReferenceDiagram = reference };

    private static readonly Dictionary<Guid, string> Names = [];

    [Fact]
    public void The_interviewer_gets_the_reference_design_in_the_room_and_the_candidate_does_not()
    {
        var kit = new SessionKit(interviewCase: Case(Reference));

        Assert.Equal(Reference, SessionViews.Snapshot(kit.Definition, kit.State, SeatRole.Interviewer, Names).Case!.ReferenceDesign);
        Assert.Null(SessionViews.Snapshot(kit.Definition, kit.State, SeatRole.Candidate, Names).Case!.ReferenceDesign);
    }

    [Fact]
    public void The_candidate_gets_the_reference_design_once_the_scorecard_is_submitted_not_merely_at_the_end()
    {
        var kit = new SessionKit(interviewCase: Case(Reference));
        kit.Accept(SeatRole.Interviewer, kit.Score(3));
        kit.StartAndEnd();
        Assert.Null(SessionViews.Snapshot(kit.Definition, kit.State, SeatRole.Candidate, Names).Case!.ReferenceDesign);

        kit.Accept(SeatRole.Interviewer, new SubmitScorecard("Mid", "", "", "Ask about scale first"));

        Assert.Equal(Reference, SessionViews.Snapshot(kit.Definition, kit.State, SeatRole.Candidate, Names).Case!.ReferenceDesign);
    }

    [Fact]
    public void A_case_without_a_reference_design_sends_none_to_anyone()
    {
        var kit = new SessionKit(interviewCase: Case(null));

        Assert.Null(SessionViews.Snapshot(kit.Definition, kit.State, SeatRole.Interviewer, Names).Case!.ReferenceDesign);
    }
}
