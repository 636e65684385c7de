using System.Diagnostics;

namespace CanvasLoad;

/// <summary>The load generator's clock: milliseconds since it started, shared by every connection.</summary>
internal static class Clock
{
    private static readonly Stopwatch Started = Stopwatch.StartNew();

    public static double Now => Started.Elapsed.TotalMilliseconds;

    public static Task SleepUntil(double at) => at - Now is var ms and > 0 ? Task.Delay(TimeSpan.FromMilliseconds(ms)) : Task.CompletedTask;
}

/// <summary>One submitted op: when it went, when (and with which seq) it was acknowledged, who saw its event.</summary>
internal sealed class OpRecord(Room room, Participant sender, bool inWindow, double sentAt)
{
    public Room Room { get; } = room;
    public Participant Sender { get; } = sender;
    public bool InWindow { get; } = inWindow;
    public double SentAt { get; } = sentAt;
    public double? AckedAt { get; set; }
    public long? EventSeq { get; set; }
    public int PeerSeen { get; set; }
    public int SelfSeen { get; set; }
}

/// <summary>
/// Everything one round (one R) counts. Acks and events arrive on many threads, so every change goes through
/// <see cref="Gate"/>; the work under it is a few additions, never I/O.
/// </summary>
internal sealed class Round(int index)
{
    public Lock Gate { get; } = new();
    public int Index { get; } = index;
    public Dictionary<string, OpRecord> Sent { get; } = [];
    public List<double> AckLatency { get; } = [];
    public List<double> PeerLatency { get; } = [];
    public SortedDictionary<string, int> Refused { get; } = [];
    public int InvokeErrors { get; set; }
    public HashSet<string> InvokeErrorSamples { get; } = [];
    public int IssuedInWindow { get; set; }
    public int AckedInWindow { get; set; }
    public int SkippedBacklog { get; set; }
    public int PreviewsSent { get; set; }
    public int CursorsSent { get; set; }
    public int PeerDragsReceived { get; set; }
    public int DuplicateSeqs { get; set; }
    public int OutOfOrder { get; set; }
    public int DuplicateDeliveries { get; set; }
    public int SeqMismatches { get; set; }
    public int UnexpectedCloses { get; set; }
    public double WindowStart { get; set; } = double.PositiveInfinity;
    public double WindowEnd { get; set; } = double.PositiveInfinity;

    public void Sample(HashSet<string> samples, string message)
    {
        if (samples.Count < 5)
        {
            samples.Add(message.Length > 200 ? message[..200] : message);
        }
    }
}

/// <summary>One interview of a round: what both participants have made, and the highest seq either has seen.</summary>
internal sealed class Room(Round round, int index, Guid sessionId)
{
    public Round Round { get; } = round;
    public int Index { get; } = index;
    public Guid SessionId { get; } = sessionId;
    public Dictionary<Side, List<string>> Nodes { get; } = new() { [Side.A] = [], [Side.B] = [] };
    public Dictionary<Side, List<string>> Links { get; } = new() { [Side.A] = [], [Side.B] = [] };
    public Dictionary<string, (double X, double Y)> Positions { get; } = [];
    public int Elements { get; set; }
    public long MaxSeq { get; set; }
    public IReadOnlyList<string> ComponentTypes { get; set; } = [];
    public bool Failed { get; set; }

    /// <summary>The node both participants reach for now and then: concurrent edits on it are ordered by the server.</summary>
    public string? SharedNode => Nodes[Side.A].FirstOrDefault();
}

/// <summary>A is the interviewer, B the candidate, in every interview.</summary>
internal enum Side { A, B }
