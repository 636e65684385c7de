using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Client.Room;

/// <summary>
/// The room's durable state as the server has ordered it, plus our own diagram ops not yet confirmed. Entries are
/// applied strictly in sequence: one at or below the last applied sequence is a duplicate and ignored; one past a gap
/// asks for a sync instead. The diagram is Core's <see cref="DiagramReplica"/>: the same DiagramDocument code the
/// server runs, with pending ops drawn on top of the confirmed document.
/// </summary>
public sealed class LiveRoomState
{
    private readonly Dictionary<string, NoteView> notes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CriterionScoreView> scores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CriterionScoreView> selfScores = new(StringComparer.Ordinal);

    public bool Loaded { get; private set; }
    public long Seq { get; private set; } = -1;
    public TimerView? Timer { get; private set; }

    private ServerClockEstimate serverClock = ServerClockEstimate.None;

    /// <summary>Server clock minus local clock, narrowed from every message stamped with the server's time.</summary>
    public TimeSpan ClockOffset => serverClock.Offset;

    public List<ChatMessageView> Chat { get; } = [];

    /// <summary>Whether the log holds chat older than the first message in <see cref="Chat"/> (paged on request).</summary>
    public bool OlderChat { get; private set; }
    public IReadOnlyDictionary<string, NoteView> Notes => notes;
    public CaseView? Case { get; private set; }
    public RubricView? Rubric { get; private set; }
    public string Status { get; private set; } = "";
    public DiagramReplica Diagram { get; private set; } = new();

    /// <summary>The interviewer's scores by <see cref="ScoreKey"/>; the candidate's copy stays empty until the scorecard.</summary>
    public IReadOnlyDictionary<string, CriterionScoreView> Scores => scores;
    public IReadOnlyDictionary<string, CriterionScoreView> SelfScores => selfScores;
    public ScorePreview? Preview { get; private set; }
    public ScorecardView? Scorecard { get; private set; }

    /// <summary>Red flags the interviewer recorded, in any step (the candidate's copy stays empty until the scorecard).</summary>
    public IReadOnlyList<RedFlagView> RedFlags { get; private set; } = [];

    public static string ScoreKey(string stepId, string criterionId) => stepId + "/" + criterionId;
    public bool NeedsSync { get; private set; }

    /// <summary>
    /// The candidate's case lacks what submission reveals (the reference design comes only in a snapshot), so the room
    /// should load one snapshot afresh.
    /// </summary>
    public bool NeedsSnapshot { get; private set; }

    public bool Ended => Timer?.Status == TimerStatus.Ended;

    /// <summary>
    /// Puts a page of older chat before the messages already shown. A message already held (a page that crossed a
    /// resync) is not shown twice.
    /// </summary>
    public void AddOlderChat(ChatPage page)
    {
        var held = Chat.Select(m => m.Seq).ToHashSet();
        Chat.InsertRange(0, page.Messages.Where(m => !held.Contains(m.Seq)).OrderBy(m => m.Seq));
        OlderChat = page.HasMore;
    }

    /// <param name="sentAt">When the Sync request left: with it the reply also bounds the clock offset from above.</param>
    public void ApplySync(SyncResult result, DateTimeOffset receivedAt, DateTimeOffset? sentAt = null)
    {
        NeedsSync = false;
        if (result.Snapshot is { } snapshot)
        {
            NeedsSnapshot = false;
            Seq = result.Seq;
            Status = snapshot.Status;
            Chat.Clear();
            Chat.AddRange(snapshot.Chat);
            OlderChat = snapshot.OlderChat;
            notes.Clear();
            foreach (var note in snapshot.Notes ?? [])
            {
                notes[note.StepId] = note;
            }
            Case = snapshot.Case;
            Fill(scores, snapshot.Scores);
            Fill(selfScores, snapshot.SelfScores);
            Preview = snapshot.Preview;
            Scorecard = snapshot.Scorecard;
            Rubric = snapshot.Rubric;
            RedFlags = snapshot.RedFlags ?? [];
            var pending = Diagram.Pending.ToList();
            Diagram = new DiagramReplica(DiagramDocument.FromSnapshot(snapshot.Diagram), 0);
            foreach (var op in pending)
            {
                Diagram.ApplyLocal(op);
            }
        }
        else
        {
            foreach (var entry in result.Events ?? [])
            {
                ApplyEntry(entry);
            }
            Seq = Math.Max(Seq, result.Seq);
        }
        Loaded = true;
        Timer = result.Timer;
        serverClock = sentAt is { } sent
            ? serverClock.Observe(result.ServerNow, sent, receivedAt)
            : serverClock.Observe(result.ServerNow, receivedAt);
    }

    /// <summary>A live broadcast. Returns false when it was not applied (duplicate, not loaded yet, or a gap).</summary>
    public bool ApplyEvent(SessionEvent entry, DateTimeOffset receivedAt)
    {
        if (!Loaded || entry.Seq <= Seq)
        {
            return false;
        }
        if (entry.Seq > Seq + 1)
        {
            NeedsSync = true;
            return false;
        }
        ApplyEntry(entry);
        if (entry is TimerEntry { Timer: var timer })
        {
            Timer = timer;
            serverClock = serverClock.Observe(timer.ServerNow, receivedAt);
        }
        return true;
    }

    /// <summary>Our own edit: drawn at once, confirmed when the log brings it back.</summary>
    public void ApplyLocal(DiagramOp op) => Diagram.ApplyLocal(op);

    /// <summary>The server refused one of our ops for good: it disappears from the view.</summary>
    public void Reject(string opId) => Diagram.ReceiveRejected(opId);

    private void ApplyEntry(SessionEvent entry)
    {
        if (entry.Seq <= Seq)
        {
            return;
        }
        Seq = entry.Seq;
        switch (entry)
        {
            case ChatEntry chat:
                Chat.Add(chat.Chat);
                break;
            case NoteEntry note:
                notes[note.Note.StepId] = note.Note;
                break;
            case DiagramEntry diagram:
                // The replica counts diagram ops only; the session log's sequence interleaves every kind of entry.
                Diagram.ReceiveConfirmed(Diagram.LastSequence + 1, diagram.Op);
                break;
            case TimerEntry timer:
                Status = timer.Status.ToString();
                break;
            case ScoreEntry score:
                scores[ScoreKey(score.Score.StepId, score.Score.CriterionId)] = score.Score;
                Preview = score.Preview;
                break;
            case SelfEntry self:
                selfScores[ScoreKey(self.Score.StepId, self.Score.CriterionId)] = self.Score;
                break;
            case RedFlagEntry flags:
                RedFlags = flags.RedFlags;
                break;
            case ScorecardEntry card:
                // The candidate's case (no facts) gets its reference design from the next snapshot.
                NeedsSnapshot = Case is { Facts: null, ReferenceDesign: null };
                Scorecard = card.Scorecard;
                RedFlags = card.RedFlags;
                Preview = card.Preview;
                Fill(scores, card.Scores);
                Fill(selfScores, card.SelfScores);
                break;
        }
    }

    private static void Fill(Dictionary<string, CriterionScoreView> target, IEnumerable<CriterionScoreView>? source)
    {
        target.Clear();
        foreach (var score in source ?? [])
        {
            target[ScoreKey(score.StepId, score.CriterionId)] = score;
        }
    }
}
