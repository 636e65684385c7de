using MockLoop.Core.Contracts;
using MockLoop.Core.Sessions;
using MockLoop.Core.Text;

namespace MockLoop.Core.Tests.Sessions.Live;

public class SessionRulesTests
{
    [Fact]
    public void Candidate_cannot_drive_the_timer()
    {
        var kit = new SessionKit();

        Assert.Equal("interviewer_only", kit.Send(SeatRole.Candidate, new DriveTimer(new StartTimer())));
        Assert.Equal(0, kit.State.Seq);
        Assert.Equal(SessionStatus.Ready, kit.State.Status);
    }

    [Fact]
    public void Starting_and_ending_the_timer_moves_the_status_to_live_then_ended()
    {
        var kit = new SessionKit();

        kit.Accept(SeatRole.Interviewer, new DriveTimer(new StartTimer()));
        Assert.Equal(SessionStatus.Live, kit.State.Status);
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new EndTimer()));
        Assert.Equal(SessionStatus.Ended, kit.State.Status);
        Assert.Equal(TimerStatus.Ended, kit.State.Timer.Status);
    }

    [Fact]
    public void Chat_is_trimmed_and_refused_when_empty_too_long_unstorable_or_after_the_end()
    {
        var kit = new SessionKit();

        Assert.Equal("empty", kit.Send(SeatRole.Candidate, new PostChat("   ")));
        Assert.Equal("too_long", kit.Send(SeatRole.Candidate, new PostChat(new string('a', SessionLimits.ChatMaxLength + 1))));
        Assert.Equal(StorableText.ErrorCode, kit.Send(SeatRole.Candidate, new PostChat("nul \0 inside")));
        kit.Accept(SeatRole.Candidate, new PostChat("  hello  "));
        Assert.Equal("hello", Assert.Single(kit.State.Chat).Text);

        kit.StartAndEnd();
        Assert.Equal("ended", kit.Send(SeatRole.Interviewer, new PostChat("too late")));
        Assert.Single(kit.State.Chat);
    }

    [Fact]
    public void The_session_keeps_only_the_latest_chat_and_says_there_is_older()
    {
        var kit = new SessionKit();

        for (var i = 0; i < SessionLimits.ChatKept + 5; i++)
        {
            kit.Accept(SeatRole.Candidate, new PostChat($"message {i}"));
        }

        Assert.Equal(SessionLimits.ChatKept, kit.State.Chat.Count);
        Assert.True(kit.State.OlderChat);
        Assert.Equal("message 5", kit.State.Chat[0].Text);
        Assert.Equal($"message {SessionLimits.ChatKept + 4}", kit.State.Chat[^1].Text);
    }

    [Fact]
    public void Notes_are_the_interviewers_one_per_step_read_only_once_ended_and_never_shown_to_the_candidate()
    {
        var kit = new SessionKit();

        Assert.Equal("interviewer_only", kit.Send(SeatRole.Candidate, new WriteNote(kit.FirstStep.Id, "mine")));
        Assert.Equal("unknown_step", kit.Send(SeatRole.Interviewer, new WriteNote("no-such-step", "x")));
        kit.Accept(SeatRole.Interviewer, new WriteNote(kit.FirstStep.Id, "first"));
        kit.Accept(SeatRole.Interviewer, new WriteNote(kit.FirstStep.Id, "second"));

        Assert.Equal("second", Assert.Single(kit.State.Notes).Text);
        Assert.All(kit.Log, e => Assert.Equal(Audience.Interviewer, e.Audience));
        var names = new Dictionary<Guid, string>();
        Assert.Null(SessionViews.Snapshot(kit.Definition, kit.State, SeatRole.Candidate, names).Notes);
        var asCandidate = SessionViews.Message(kit.Definition, kit.State, kit.Log[^1], SeatRole.Candidate, null, names);
        var bare = Assert.IsType<PrivateEntry>(asCandidate);
        Assert.Equal(kit.Log[^1].Seq, bare.Seq);
        Assert.DoesNotContain("second", System.Text.Encoding.UTF8.GetString(SessionChangeJson.Encode(asCandidate)));

        kit.Accept(SeatRole.Interviewer, new DriveTimer(new StartTimer()));
        kit.Accept(SeatRole.Interviewer, new DriveTimer(new EndTimer()));
        Assert.Equal("ended", kit.Send(SeatRole.Interviewer, new WriteNote(kit.FirstStep.Id, "rewritten afterwards")));
        Assert.Equal("second", Assert.Single(kit.State.Notes).Text);
    }

    [Fact]
    public void A_score_sent_without_marks_keeps_the_marks_already_recorded()
    {
        var kit = new SessionKit();

        kit.Accept(SeatRole.Interviewer, kit.Score(3, neededHint: true));
        kit.Accept(SeatRole.Interviewer, kit.Score(3, note: "  clear scope  "));

        var score = Assert.Single(kit.State.Scores);
        Assert.True(score.NeededHint);
        Assert.Equal("clear scope", score.Note);
    }

    [Fact]
    public void Scores_are_checked_against_the_rubric()
    {
        var kit = new SessionKit();

        Assert.Equal("interviewer_only", kit.Send(SeatRole.Candidate, kit.Score(3)));
        Assert.Equal("unknown_criterion", kit.Send(SeatRole.Interviewer, new ScoreCriterion(kit.FirstStep.Id, "nope", 3, null)));
        Assert.Equal("bad_level", kit.Send(SeatRole.Interviewer, kit.Score(5)));
        // A 4 needs strong signals (rubric v2).
        Assert.Equal("bad_marks", kit.Send(SeatRole.Interviewer, kit.Score(4)));
        Assert.Equal("too_long", kit.Send(SeatRole.Interviewer, kit.Score(3, note: new string('n', SessionLimits.CriterionNoteMaxLength + 1))));
        Assert.Empty(kit.State.Scores);
    }

    [Fact]
    public void Self_assessment_opens_when_the_interview_ends_and_only_for_the_candidate()
    {
        var kit = new SessionKit();
        var self = new SelfAssess(kit.FirstStep.Id, kit.FirstCriterion.Id, 2);

        Assert.Equal("not_ended", kit.Send(SeatRole.Candidate, self));
        kit.StartAndEnd();
        Assert.Equal("candidate_only", kit.Send(SeatRole.Interviewer, self));
        kit.Accept(SeatRole.Candidate, self);

        Assert.Equal(2, Assert.Single(kit.State.SelfScores).Level);
        Assert.Equal(Audience.Candidate, kit.Log[^1].Audience);
    }

    [Fact]
    public void The_scorecard_needs_the_end_a_level_a_score_and_a_next_step()
    {
        var kit = new SessionKit();
        var card = new SubmitScorecard("Senior", "Clear scope", "Go deeper on serving", "Practise capacity maths");

        Assert.Equal("not_ended", kit.Send(SeatRole.Interviewer, card));
        kit.StartAndEnd();
        Assert.Equal("interviewer_only", kit.Send(SeatRole.Candidate, card));
        Assert.Equal("bad_level", kit.Send(SeatRole.Interviewer, card with { TargetLevel = "Principal" }));
        Assert.Equal("nothing_scored", kit.Send(SeatRole.Interviewer, card));
        kit.Accept(SeatRole.Interviewer, kit.Score(3));
        Assert.Equal("next_step_missing", kit.Send(SeatRole.Interviewer, card with { NextStep = " " }));
        kit.Accept(SeatRole.Interviewer, card);

        Assert.Equal("Senior", kit.State.Scorecard!.Submitted.TargetLevel);
        Assert.Equal("submitted", kit.Send(SeatRole.Interviewer, card));
    }

    [Fact]
    public void Scores_and_red_flags_are_frozen_once_the_scorecard_is_submitted()
    {
        var kit = new SessionKit();
        var flag = kit.FirstStep.RedFlags[0];
        kit.StartAndEnd();
        kit.Accept(SeatRole.Interviewer, kit.Score(2));
        kit.Accept(SeatRole.Interviewer, new SubmitScorecard("Mid", "", "", "Ask about scale first"));

        Assert.Equal("submitted", kit.Send(SeatRole.Interviewer, kit.Score(3)));
        Assert.Equal("submitted", kit.Send(SeatRole.Interviewer, new RecordRedFlag(kit.FirstStep.Id, flag.Id, true)));
        Assert.Equal(2, Assert.Single(kit.State.Scores).Level);
    }

    [Fact]
    public void Red_flags_are_raised_once_and_withdrawn()
    {
        var kit = new SessionKit();
        var flag = kit.FirstStep.RedFlags[0];

        Assert.Equal("interviewer_only", kit.Send(SeatRole.Candidate, new RecordRedFlag(kit.FirstStep.Id, flag.Id, true)));
        Assert.Equal("unknown_red_flag", kit.Send(SeatRole.Interviewer, new RecordRedFlag(kit.FirstStep.Id, "nope", true)));
        kit.Accept(SeatRole.Interviewer, new RecordRedFlag(kit.FirstStep.Id, flag.Id, true));
        kit.Accept(SeatRole.Interviewer, new RecordRedFlag(kit.FirstStep.Id, flag.Id, true));
        Assert.Single(kit.State.RedFlags);
        kit.Accept(SeatRole.Interviewer, new RecordRedFlag(kit.FirstStep.Id, flag.Id, false));
        Assert.Empty(kit.State.RedFlags);
    }

    [Fact]
    public void The_candidate_sees_scores_and_red_flags_only_from_submission_on()
    {
        var kit = new SessionKit();
        var names = new Dictionary<Guid, string>();
        kit.Accept(SeatRole.Interviewer, kit.Score(3));
        kit.Accept(SeatRole.Interviewer, new RecordRedFlag(kit.FirstStep.Id, kit.FirstStep.RedFlags[0].Id, true));
        kit.StartAndEnd();

        var before = SessionViews.Snapshot(kit.Definition, kit.State, SeatRole.Candidate, names);
        Assert.Null(before.Scores);
        Assert.Null(before.RedFlags);
        Assert.Null(before.Preview);

        kit.Accept(SeatRole.Interviewer, new SubmitScorecard("Mid", "", "", "Ask about scale first"));
        var reveal = SessionViews.Message(kit.Definition, kit.State, kit.Log[^1], SeatRole.Candidate, null, names);
        var card = Assert.IsType<ScorecardEntry>(reveal);
        Assert.Equal(3, Assert.Single(card.Scores).Level);
        Assert.Single(card.RedFlags);
        Assert.Equal("Below", card.Scorecard.Verdict.Outcome);
    }

    [Fact]
    public void The_diagram_is_read_only_after_the_end()
    {
        var kit = new SessionKit();

        kit.Accept(SeatRole.Candidate, new EditDiagram(SessionKit.AddNode("n1")));
        kit.StartAndEnd();

        Assert.Equal("ended", kit.Send(SeatRole.Candidate, new EditDiagram(SessionKit.AddNode("n2"))));
        Assert.Single(kit.State.Diagram.ToSnapshot().Nodes);
    }

    [Fact]
    public void A_session_ended_by_a_no_show_refuses_chat_though_its_timer_never_ran()
    {
        var kit = new SessionKit(SessionStatus.Ended);

        Assert.Equal("ended", kit.Send(SeatRole.Candidate, new PostChat("hello?")));
    }
}
