using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;
using MockLoop.Web.Client.Room;

namespace MockLoop.Web.Client.Tests;

public class LiveRoomStateTests
{
    private static readonly Guid Ivy = Guid.NewGuid();

    private static DiagramNode Node(string id, string label = "Feature store") => new(id, "feature-store", label, 0, 0, 168, 56);

    private static SyncResult Snapshot(long seq, params DiagramNode[] nodes) => new(
        seq,
        new RoomSnapshot("live", [], null, null, new RubricView("ml", 1, "ML system design", new List<RubricStep>()),
            new DiagramSnapshot(nodes, [], [], []), [], null, null, null, null),
        null, Samples.Timer(), Samples.Noon);

    private static SessionEvent Chat(long seq, string text) =>
        new ChatEntry(new ChatMessageView(seq, Ivy, "Ivy", text, Samples.Noon)) { Seq = seq, At = Samples.Noon, AuthorId = Ivy };

    private static SessionEvent Diagram(long seq, DiagramOp op) =>
        new DiagramEntry(op) { Seq = seq, At = Samples.Noon, AuthorId = Ivy, ClientId = op.OpId };

    private static readonly ScorecardView SomeScorecard = new("Mid", "s", "i", "n", Samples.Noon, new ScorePreview(null, []),
        new VerdictView("Mid", "Meets", 3, 2.5, []));

    private static SessionEvent Reveal(long seq) =>
        new ScorecardEntry(SomeScorecard, new ScorePreview(null, []), [], [], []) { Seq = seq, At = Samples.Noon };

    [Fact]
    public void A_snapshot_loads_the_room_and_events_apply_in_sequence()
    {
        var state = new LiveRoomState();
        state.ApplySync(Snapshot(4, Node("n_a")), Samples.Noon);

        Assert.True(state.ApplyEvent(Chat(5, "hello"), Samples.Noon));
        Assert.False(state.ApplyEvent(Chat(5, "hello"), Samples.Noon)); // a duplicate changes nothing

        Assert.True(state.Loaded);
        Assert.Equal(5, state.Seq);
        Assert.Equal(["hello"], state.Chat.Select(c => c.Text));
        Assert.NotNull(state.Diagram.View.FindNode("n_a"));
    }

    [Fact]
    public void Older_chat_goes_before_the_messages_held_and_says_whether_there_is_older_still()
    {
        var state = new LiveRoomState();
        var snapshot = Snapshot(11);
        state.ApplySync(snapshot with { Snapshot = snapshot.Snapshot! with { Chat = [Message(10, "ten"), Message(11, "eleven")], OlderChat = true } },
            Samples.Noon);
        Assert.True(state.OlderChat);

        // A page that overlaps what is held (it crossed a resync) adds only what is new.
        state.AddOlderChat(new ChatPage([Message(8, "eight"), Message(9, "nine"), Message(10, "ten")], HasMore: false));

        Assert.Equal(["eight", "nine", "ten", "eleven"], state.Chat.Select(c => c.Text));
        Assert.False(state.OlderChat);
    }

    [Fact]
    public void A_private_entry_moves_the_candidate_on_without_scores_and_the_scorecard_reveals_them_with_the_red_flags()
    {
        var candidate = new LiveRoomState();
        candidate.ApplySync(Snapshot(2), Samples.Noon);

        // What the interviewer did privately reaches the candidate as "private": the sequence moves on, nothing shows.
        Assert.True(candidate.ApplyEvent(new PrivateEntry { Seq = 3, At = Samples.Noon }, Samples.Noon));
        Assert.Equal(3, candidate.Seq);
        Assert.Empty(candidate.Scores);
        Assert.Empty(candidate.RedFlags);

        var flag = new RedFlagView("evaluation", "accuracy-on-rare-positives", "Accuracy at 0.1 % positives.");
        var result = new ScorePreview(3, [new StepScoreView("clarify", 3, 1, 1)]);
        var scorecard = new ScorecardView("Senior", "s", "i", "n", Samples.Noon, result,
            new VerdictView("Senior", "Below", 3, 3, [], RedFlags: [flag]));
        Assert.True(candidate.ApplyEvent(new ScorecardEntry(scorecard, result, [new CriterionScoreView("clarify", "scope", 3, "good")], [], [flag])
            { Seq = 4, At = Samples.Noon }, Samples.Noon));

        Assert.Equal("good", candidate.Scores[LiveRoomState.ScoreKey("clarify", "scope")].Note);
        Assert.Equal([flag], candidate.RedFlags);
        Assert.Equal("Below", candidate.Scorecard?.Verdict.Outcome);
        Assert.Equal(3, candidate.Preview?.Overall);
    }

    [Fact]
    public void The_interviewers_scores_keep_the_running_preview_and_red_flags_follow_their_entries_and_snapshots()
    {
        var interviewer = new LiveRoomState();
        interviewer.ApplySync(Snapshot(2), Samples.Noon);
        var preview = new ScorePreview(3, [new StepScoreView("clarify", 3, 1, 1)]);

        interviewer.ApplyEvent(new ScoreEntry(new CriterionScoreView("clarify", "scope", 3, null), preview) { Seq = 3, At = Samples.Noon }, Samples.Noon);
        var flag = new RedFlagView("evaluation", "accuracy-on-rare-positives", "Accuracy at 0.1 % positives.");
        interviewer.ApplyEvent(new RedFlagEntry(flag.StepId, flag.FlagId, true, [flag]) { Seq = 4, At = Samples.Noon }, Samples.Noon);

        Assert.Equal(3, interviewer.Scores[LiveRoomState.ScoreKey("clarify", "scope")].Level);
        Assert.Equal(3, interviewer.Preview?.Overall);
        Assert.Equal([flag], interviewer.RedFlags);

        interviewer.ApplyEvent(new RedFlagEntry(flag.StepId, flag.FlagId, false, []) { Seq = 5, At = Samples.Noon }, Samples.Noon);
        Assert.Empty(interviewer.RedFlags);

        var snapshot = Snapshot(9);
        var reloaded = new LiveRoomState();
        reloaded.ApplySync(snapshot with { Snapshot = snapshot.Snapshot! with { RedFlags = [flag] } }, Samples.Noon);
        Assert.Equal([flag], reloaded.RedFlags);
    }

    [Fact]
    public void Missed_entries_catch_up_in_order_without_a_snapshot()
    {
        var state = new LiveRoomState();
        state.ApplySync(Snapshot(2), Samples.Noon);

        state.ApplySync(new SyncResult(4, null,
            [new NoteEntry(new NoteView("clarify", "n", Samples.Noon)) { Seq = 3, At = Samples.Noon }, Chat(4, "back")],
            Samples.Timer(), Samples.Noon), Samples.Noon);

        Assert.Equal(4, state.Seq);
        Assert.Equal("n", state.Notes["clarify"].Text);
        Assert.Equal(["back"], state.Chat.Select(c => c.Text));
        Assert.True(state.ApplyEvent(Chat(5, "next"), Samples.Noon));
    }

    private static ChatMessageView Message(long seq, string text) => new(seq, Ivy, "Ivy", text, Samples.Noon);

    [Fact]
    public void An_entry_past_a_gap_is_not_applied_and_asks_for_a_sync()
    {
        var state = new LiveRoomState();
        state.ApplySync(Snapshot(4), Samples.Noon);

        Assert.False(state.ApplyEvent(Chat(6, "too early"), Samples.Noon));

        Assert.True(state.NeedsSync);
        Assert.Empty(state.Chat);
    }

    [Fact]
    public void Our_own_op_shows_at_once_and_is_confirmed_by_the_log_even_between_other_entries()
    {
        var state = new LiveRoomState();
        state.ApplySync(Snapshot(1), Samples.Noon);
        var add = new AddNodeOp("op_1", Node("n_b", "Model server"));

        state.ApplyLocal(add);
        Assert.NotNull(state.Diagram.View.FindNode("n_b"));
        Assert.Null(state.Diagram.Confirmed.FindNode("n_b"));

        state.ApplyEvent(Chat(2, "nice"), Samples.Noon);
        state.ApplyEvent(Diagram(3, add), Samples.Noon);

        Assert.Empty(state.Diagram.Pending);
        Assert.NotNull(state.Diagram.Confirmed.FindNode("n_b"));
    }

    [Fact]
    public void Pending_ops_survive_a_snapshot_and_a_refused_op_disappears()
    {
        var state = new LiveRoomState();
        state.ApplySync(Snapshot(1), Samples.Noon);
        state.ApplyLocal(new AddNodeOp("op_1", Node("n_c")));
        state.ApplyLocal(new AddNodeOp("op_2", Node("n_d")));

        state.ApplySync(Snapshot(9, Node("n_a")), Samples.Noon);
        state.Reject("op_2");

        Assert.NotNull(state.Diagram.View.FindNode("n_a"));
        Assert.NotNull(state.Diagram.View.FindNode("n_c"));
        Assert.Null(state.Diagram.View.FindNode("n_d"));
        Assert.Equal(["op_1"], state.Diagram.Pending.Select(p => p.OpId));
    }

    [Fact]
    public void The_clock_offset_is_server_time_minus_local_time_at_arrival()
    {
        var state = new LiveRoomState();

        state.ApplySync(Snapshot(1), Samples.Noon.AddSeconds(-3));

        Assert.Equal(TimeSpan.FromSeconds(3), state.ClockOffset);
    }

    [Fact]
    public void A_slow_sync_reply_after_a_reload_is_placed_in_the_middle_of_its_round_trip_and_later_events_narrow_it()
    {
        // The server's clock equals ours. The Sync left 2 s before its reply arrived, stamped 0.5 s after it left.
        var state = new LiveRoomState();
        var sentAt = Samples.Noon.AddMilliseconds(-500);

        state.ApplySync(Snapshot(1), receivedAt: Samples.Noon.AddMilliseconds(1500), sentAt: sentAt);

        // Proven: the offset lies in [-1.5 s, +0.5 s]; the middle is 0.5 s off where one sample was 1.5 s off.
        Assert.Equal(TimeSpan.FromMilliseconds(-500), state.ClockOffset);

        var later = Samples.Noon.AddSeconds(30);
        state.ApplyEvent(new TimerEntry(new TimerStarted(later), Samples.Timer() with { ServerNow = later }, SessionStatus.Live) { Seq = 2, At = later },
            receivedAt: later.AddMilliseconds(100));

        // A quick event proves at least -0.1 s: the middle of [-0.1, +0.5].
        Assert.Equal(TimeSpan.FromMilliseconds(200), state.ClockOffset);
    }

    [Fact]
    public void The_candidates_room_asks_for_a_fresh_snapshot_when_the_scorecard_arrives_so_the_reference_design_comes_along()
    {
        var candidate = new LiveRoomState();
        var snapshot = Snapshot(2);
        var prompt = new CaseView("feed", "Feed ranking", "Rank the home feed.", null, null);
        candidate.ApplySync(snapshot with { Snapshot = snapshot.Snapshot! with { Case = prompt } }, Samples.Noon);
        Assert.False(candidate.NeedsSnapshot);

        candidate.ApplyEvent(Reveal(3), Samples.Noon);
        Assert.True(candidate.NeedsSnapshot);

        var reference = new DiagramSnapshot([Node("n_ref")], [], [], []);
        var after = Snapshot(3);
        candidate.ApplySync(after with { Snapshot = after.Snapshot! with { Case = prompt with { ReferenceDesign = reference } } }, Samples.Noon);
        Assert.False(candidate.NeedsSnapshot);
        Assert.Equal(reference, candidate.Case?.ReferenceDesign);
    }

    [Fact]
    public void The_interviewers_room_already_has_the_reference_design_and_asks_for_nothing_more_at_the_scorecard()
    {
        var interviewer = new LiveRoomState();
        var snapshot = Snapshot(2);
        var material = new CaseView("feed", "Feed ranking", "Rank the home feed.", [], new Dictionary<string, IReadOnlyList<string>>());
        interviewer.ApplySync(snapshot with { Snapshot = snapshot.Snapshot! with { Case = material } }, Samples.Noon);

        interviewer.ApplyEvent(Reveal(3), Samples.Noon);

        Assert.False(interviewer.NeedsSnapshot);
    }
}
