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
            var stored = SessionChangeJson.SerializeEarlier(entry.Change);
            var read = SessionChangeJson.Deserialize(entry.Kind, stored);
            Assert.Equal(entry.Kind, read.Kind);
            replayed = SessionState.Apply(replayed, entry with { Change = read });
        }

        Assert.Equal(kit.State, replayed);
    }

    [Fact]
    public void Every_kind_of_event_is_stored_as_it_was_sent_and_replays_to_the_same_state_even_with_its_keys_reordered()
    {
        var kit = PlayEveryKind();
        var names = new Dictionary<Guid, string> { [SessionKit.Candidate] = "Cal" };
        var state = SessionState.Start(kit.Definition, SessionStatus.Ready);
        var replayed = state;
        var kinds = new HashSet<string>();
        foreach (var entry in kit.Log)
        {
            state = SessionState.Apply(state, entry);
            // What the writer does: the event against the state right after the entry, encoded once.
            var sent = SessionViews.Event(kit.Definition, state, entry, state.Timer.View(entry.At), names);
            var stored = SessionChangeJson.Encode(sent);
            Assert.Equal(entry.Kind, System.Text.Json.JsonDocument.Parse(stored).RootElement.GetProperty("kind").GetString());
            kinds.Add(entry.Kind);

            // PostgreSQL's jsonb gives the keys back in another order ("kind" no longer first).
            var reordered = Reversed(stored);
            Assert.Equal(sent with { }, SessionChangeJson.Decode(System.Text.Encoding.UTF8.GetBytes(reordered)), new EventJsonComparer());
            var read = SessionChangeJson.Deserialize(entry.Kind, reordered);
            Assert.Equal(SessionChangeJson.SerializeEarlier(entry.Change), SessionChangeJson.SerializeEarlier(read));
            replayed = SessionState.Apply(replayed, entry with { Change = read });
        }

        Assert.Equal(kit.State, replayed);
        Assert.Equal(8, kinds.Count);
    }

    [Fact]
    public void Only_protocol_two_events_are_taken_for_events_and_every_earlier_payload_goes_to_the_upgrader()
    {
        Assert.True(SessionChangeJson.IsEvent("""{"seq":3,"kind":"chat","chat":{"text":"hi"}}"""u8));
        Assert.False(SessionChangeJson.IsEvent("""{"text":"hi"}"""u8));
        Assert.False(SessionChangeJson.IsEvent("""{"op":{"type":"addNode","kind":"model"},"at":"2026-01-01T00:00:00Z"}"""u8));
        Assert.False(SessionChangeJson.IsEvent("""{"type":"timerStarted","at":"2026-01-01T00:00:00Z"}"""u8));
        Assert.False(SessionChangeJson.IsEvent("""[1,2]"""u8));
    }

    [Fact]
    public void An_event_whose_row_names_another_kind_is_refused_as_corrupt()
    {
        var chat = SessionChangeJson.Encode(new ChatEntry(new ChatMessageView(3, SessionKit.Candidate, "Cal", "hi", DateTimeOffset.UnixEpoch))
        {
            Seq = 3, At = DateTimeOffset.UnixEpoch,
        });
        var payload = System.Text.Encoding.UTF8.GetString(chat);
        Assert.IsType<ChatPosted>(SessionChangeJson.Deserialize(SessionEventKinds.Chat, payload));
        Assert.Throws<System.Text.Json.JsonException>(() => SessionChangeJson.Deserialize(SessionEventKinds.Note, payload));
    }

    [Fact]
    public void A_private_entry_is_never_read_back_as_a_change()
    {
        var bare = SessionChangeJson.Encode(new PrivateEntry { Seq = 4, At = DateTimeOffset.UnixEpoch });
        Assert.Throws<System.Text.Json.JsonException>(() =>
            SessionChangeJson.Deserialize(SessionEventKinds.Private, System.Text.Encoding.UTF8.GetString(bare)));
    }

    private static SessionKit PlayEveryKind()
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
        return kit;
    }

    /// <summary>The object's top-level keys in reverse order, as a store that reorders keys might give them back.</summary>
    private static string Reversed(byte[] utf8)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(utf8)!.AsObject();
        var reversed = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in node.Reverse().ToList())
        {
            node.Remove(key);
            reversed[key] = value;
        }
        return reversed.ToJsonString();
    }

    /// <summary>Events hold lists, which records compare by reference: compared by their JSON instead.</summary>
    private sealed class EventJsonComparer : IEqualityComparer<SessionEvent>
    {
        public bool Equals(SessionEvent? x, SessionEvent? y) =>
            x is not null && y is not null && SessionChangeJson.Encode(x).AsSpan().SequenceEqual(SessionChangeJson.Encode(y));

        public int GetHashCode(SessionEvent obj) => 0;
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
        Assert.Equal("""{"text":"hi"}""", SessionChangeJson.SerializeEarlier(new ChatPosted("hi")));
    }
}
