using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions.Live;

public class SessionSnapshotJsonTests
{
    [Fact]
    public void A_snapshot_reads_back_as_the_state_it_was_taken_from()
    {
        var kit = new SessionKit();
        kit.Accept(SeatRole.Candidate, new EditDiagram(SessionKit.AddNode("n1")));
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new StartTimer()));
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new NextStep()));
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new PauseTimer()));
        kit.Accept(SeatRole.Candidate, new PostChat("hi"));
        kit.Accept(SeatRole.Interviewer, new WriteNote(kit.FirstStep.Id, "note"));
        kit.Accept(SeatRole.Interviewer, kit.Score(3, note: "ok", neededHint: true));
        kit.Accept(SeatRole.Interviewer, new RecordRedFlag(kit.FirstStep.Id, kit.FirstStep.RedFlags[0].Id, true));
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new EndTimer()));
        kit.Accept(SeatRole.Candidate, new SelfAssess(kit.FirstStep.Id, kit.FirstCriterion.Id, 2));
        kit.Accept(SeatRole.Interviewer, new SubmitScorecard("Senior", "s", "i", "n"));

        var read = SessionSnapshotJson.Deserialize(SessionSnapshotJson.Serialize(kit.State), kit.Definition);

        Assert.Equal(kit.State, read);
    }

    [Fact]
    public void Entries_applied_after_a_snapshot_give_what_the_whole_log_gives()
    {
        var kit = new SessionKit();
        kit.Accept(SeatRole.Candidate, new PostChat("before"));
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new StartTimer()));
        var saved = SessionSnapshotJson.Serialize(kit.State);
        var taken = kit.Log.Count;
        kit.Accept(SeatRole.Candidate, new EditDiagram(SessionKit.AddNode("n1")));
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new EndTimer()));

        var resumed = SessionState.Resume(SessionSnapshotJson.Deserialize(saved, kit.Definition), SessionStatus.Live);
        resumed = kit.Log.Skip(taken).Aggregate(resumed, SessionState.Apply);

        Assert.Equal(kit.State, resumed);
    }

    [Fact]
    public void A_resumed_session_whose_timer_never_ran_takes_the_status_its_row_has_now()
    {
        var kit = new SessionKit(SessionStatus.Waiting);
        kit.Accept(SeatRole.Candidate, new PostChat("anyone?"));

        // The partner joined after the snapshot, or a no-show ended the session: both happen outside the log.
        Assert.Equal(SessionStatus.Ready, SessionState.Resume(kit.State, SessionStatus.Ready).Status);
        Assert.Equal(SessionStatus.Ended, SessionState.Resume(kit.State, SessionStatus.Ended).Status);
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new StartTimer()));
        Assert.Equal(SessionStatus.Live, SessionState.Resume(kit.State, SessionStatus.Ready).Status);
    }

    [Fact]
    public void A_snapshot_in_another_format_is_refused()
    {
        var kit = new SessionKit();

        Assert.Throws<System.Text.Json.JsonException>(() => SessionSnapshotJson.Deserialize("""{"version":2}""", kit.Definition));
    }
}
