using MockLoop.Core.Contracts;
using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions.Live;

public class SessionChangeJsonTests
{
    [Fact]
    public void Every_kind_of_change_reads_back_as_it_was_stored_and_replays_to_the_same_state()
    {
        var kit = new SessionKit();
        kit.Accept(SeatRole.Candidate, new EditDiagram(SessionKit.AddNode("n1")));
        kit.Accept(SeatRole.Candidate, new PostChat("hi"));
        kit.Accept(SeatRole.Interviewer, new WriteNote(kit.FirstStep.Id, "asks good questions"));
        kit.Accept(SeatRole.Interviewer, kit.Score(3, note: "fine", neededHint: true));
        kit.Accept(SeatRole.Interviewer, new RecordRedFlag(kit.FirstStep.Id, kit.FirstStep.RedFlags[0].Id, true));
        kit.StartAndEnd();
        kit.Accept(SeatRole.Candidate, new SelfAssess(kit.FirstStep.Id, kit.FirstCriterion.Id, 3));
        kit.Accept(SeatRole.Interviewer, new SubmitScorecard("Mid", "s", "i", "n"));

        var replayed = SessionState.Start(kit.Definition, SessionStatus.Ready);
        foreach (var entry in kit.Log)
        {
            var stored = SessionChangeJson.Serialize(entry.Change);
            var read = SessionChangeJson.Deserialize(entry.Kind, stored);
            Assert.Equal(entry.Kind, read.Kind);
            replayed = SessionState.Apply(replayed, entry with { Change = read });
        }

        Assert.Equal(kit.State, replayed);
    }

    [Fact]
    public void Payloads_written_before_the_rules_moved_to_core_still_load()
    {
        // The live session used to store the self-assessment as a full criterion score.
        var self = SessionChangeJson.Deserialize(SessionEventKinds.Self,
            """{"stepId":"clarify-requirements","criterionId":"objective-and-scope","level":2,"note":null,"neededHint":false,"signals":null}""");
        var score = SessionChangeJson.Deserialize(SessionEventKinds.Score,
            """{"stepId":"clarify-requirements","criterionId":"objective-and-scope","level":3,"note":"ok"}""");

        Assert.Equal(new SelfAssessed("clarify-requirements", "objective-and-scope", 2), self);
        var scored = Assert.IsType<CriterionScored>(score);
        Assert.False(scored.NeededHint);
        Assert.Null(scored.Signals);
    }

    [Fact]
    public void A_stored_chat_payload_has_only_its_text()
    {
        Assert.Equal("""{"text":"hi"}""", SessionChangeJson.Serialize(new ChatPosted("hi")));
    }
}
