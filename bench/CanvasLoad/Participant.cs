using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;

namespace CanvasLoad;

/// <summary>One hub connection of one interview, editing like a person dragging boxes (open loop).</summary>
internal sealed class Participant(Room room, Side side, BenchUser user, ClientLog clientLog)
{
    public const double EditIntervalMs = 500;     // mean time between durable edits per participant (2/s), jittered ±40 %
    public const double PreviewSpacingMs = 100;   // drag previews at most 10/s, up to 5 before each move
    public const int MaxInFlight = 10;            // per connection; beyond this an edit is skipped and counted (a backlog)

    private readonly Round round = room.Round;
    private readonly List<(SessionEvent Entry, double At)> early = [];
    private HubConnection? connection;
    private long? lastSeq;                         // set by Sync(-1)
    private int counter;
    private bool stopping;
    private int inFlight;

    public Room Room { get; } = room;
    public Side Side { get; } = side;
    public HashSet<long> Seen { get; } = [];
    public long BaseSeq { get; private set; }
    public int InFlight => Volatile.Read(ref inFlight);
    public bool Failed { get; set; }

    private Side PeerSide => Side == Side.A ? Side.B : Side.A;

    private string Id(string prefix) => $"{prefix}{round.Index}_{Room.Index}_{Side.ToString().ToLowerInvariant()}_{Interlocked.Increment(ref counter)}";

    /// <summary>
    /// A connection like the room's: WebSockets only, no negotiate request (so any node behind a round-robin balancer
    /// will do), the room's 15 s server timeout and 5 s keep-alive, and no automatic reconnect, so a drop is counted.
    /// </summary>
    public static HubConnection Connect(BenchUser user, Guid sessionId, ClientLog? clientLog = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(user.BaseUrl), $"/hubs/interview?session={sessionId}"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.Cookies = user.Cookies;
            })
            .AddJsonProtocol(json => ContractJson.CopyTo(json.PayloadSerializerOptions));
        if (clientLog is not null)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(clientLog));
        }
        var connection = builder.Build();
        connection.ServerTimeout = MockLoop.Core.Contracts.HubTimings.ServerTimeout;
        connection.KeepAliveInterval = MockLoop.Core.Contracts.HubTimings.ClientKeepAlive;
        return connection;
    }

    public async Task ConnectAsync()
    {
        connection = Connect(user, Room.SessionId, clientLog);
        var roomState = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<RoomStateMessage>(nameof(IRoomClient.RoomState), _ => roomState.TrySetResult());
        connection.On<PresenceMessage>(nameof(IRoomClient.Presence), _ => { });
        connection.On<PeerCursorMessage>(nameof(IRoomClient.PeerCursor), _ => { });
        connection.On<PeerDragMessage>(nameof(IRoomClient.PeerDrag), _ =>
        {
            lock (round.Gate)
            {
                round.PeerDragsReceived++;
            }
        });
        connection.On<SessionEvent>(nameof(IRoomClient.Event), entry =>
        {
            var at = Clock.Now;
            lock (round.Gate)
            {
                if (lastSeq is null)
                {
                    early.Add((entry, at));
                }
                else
                {
                    OnEvent(entry, at);
                }
            }
        });
        connection.Closed += _ =>
        {
            if (!stopping)
            {
                lock (round.Gate)
                {
                    round.UnexpectedCloses++;
                }
            }
            return Task.CompletedTask;
        };

        await connection.StartAsync();
        await roomState.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var sync = await connection.InvokeAsync<SyncResult>(InterviewHubMethods.Sync, -1L);
        lock (round.Gate)
        {
            lastSeq = sync.Seq;
            BaseSeq = sync.Seq;
            Room.MaxSeq = Math.Max(Room.MaxSeq, sync.Seq);
            Room.ComponentTypes = sync.Snapshot?.ComponentTypes.Where(t => t != "note").ToArray() ?? [];
            foreach (var (entry, at) in early.Where(e => e.Entry.Seq > BaseSeq))
            {
                OnEvent(entry, at);
            }
            early.Clear();
        }
    }

    /// <summary>Counts one delivered entry. Called under the round's gate.</summary>
    private void OnEvent(SessionEvent entry, double at)
    {
        if (!Seen.Add(entry.Seq))
        {
            round.DuplicateSeqs++;
            return;
        }
        if (entry.Seq < lastSeq)
        {
            round.OutOfOrder++;
        }
        lastSeq = Math.Max(lastSeq ?? 0, entry.Seq);
        Room.MaxSeq = Math.Max(Room.MaxSeq, entry.Seq);
        if (entry is not DiagramEntry || entry.ClientId is null
            || !round.Sent.TryGetValue(entry.ClientId, out var record) || record.Room != Room)
        {
            return;
        }
        if (record.EventSeq is null)
        {
            record.EventSeq = entry.Seq;
        }
        else if (record.EventSeq != entry.Seq)
        {
            round.SeqMismatches++;
        }
        if (record.Sender == this)
        {
            record.SelfSeen++;
            return;
        }
        record.PeerSeen++;
        if (record.PeerSeen > 1)
        {
            round.DuplicateDeliveries++;
        }
        else if (record.InWindow)
        {
            round.PeerLatency.Add(at - record.SentAt);
        }
    }

    /// <summary>Sends one durable op; the server's answer, or null after a transport error.</summary>
    private async Task<CommandResult?> SubmitAsync(DiagramOp op, bool inWindow)
    {
        var record = new OpRecord(Room, this, inWindow, Clock.Now);
        lock (round.Gate)
        {
            round.Sent[op.OpId] = record;
            if (inWindow)
            {
                round.IssuedInWindow++;
            }
        }
        Interlocked.Increment(ref inFlight);
        try
        {
            var result = await connection!.InvokeAsync<CommandResult>(InterviewHubMethods.SubmitOp, op);
            var at = Clock.Now;
            lock (round.Gate)
            {
                if (result.Ok && result.Seq is { } seq)
                {
                    record.AckedAt = at;
                    if (record.EventSeq is { } eventSeq && eventSeq != seq)
                    {
                        round.SeqMismatches++;
                    }
                    Room.MaxSeq = Math.Max(Room.MaxSeq, seq);
                    if (inWindow)
                    {
                        round.AckLatency.Add(at - record.SentAt);
                    }
                    if (at >= round.WindowStart && at <= round.WindowEnd)
                    {
                        round.AckedInWindow++;
                    }
                }
                else
                {
                    var code = result.Code ?? "unknown";
                    round.Refused[code] = round.Refused.GetValueOrDefault(code) + 1;
                }
            }
            return result;
        }
        catch (Exception ex)
        {
            lock (round.Gate)
            {
                round.InvokeErrors++;
                round.Sample(round.InvokeErrorSamples, ex.Message);
            }
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task AddNodeAsync(bool inWindow, string type)
    {
        var nodeId = Id("n");
        var x = Math.Round((Side == Side.A ? 40 : 900) + Random.Shared.NextDouble() * 600);
        var y = Math.Round(40 + Random.Shared.NextDouble() * 700);
        lock (round.Gate)
        {
            Room.Elements++;
        }
        var node = new DiagramNode(nodeId, type, type.Replace('-', ' '), x, y, 180, 64);
        var result = await SubmitAsync(new AddNodeOp(Id("o"), node), inWindow);
        lock (round.Gate)
        {
            if (result?.Ok == true)
            {
                Room.Nodes[Side].Add(nodeId);
                Room.Positions[nodeId] = (x, y);
            }
            else
            {
                Room.Elements--;
            }
        }
    }

    private async Task AddLinkAsync(bool inWindow, string sourceId, string targetId)
    {
        var linkId = Id("l");
        lock (round.Gate)
        {
            Room.Elements++;
        }
        var result = await SubmitAsync(new AddLinkOp(Id("o"), new DiagramLink(linkId, sourceId, targetId)), inWindow);
        lock (round.Gate)
        {
            if (result?.Ok == true)
            {
                Room.Links[Side].Add(linkId);
            }
            else
            {
                Room.Elements--;
            }
        }
    }

    /// <summary>Before the window: 3–4 nodes of types this participant does not share with its peer, and two links.</summary>
    public async Task WarmUpAsync()
    {
        var types = Room.ComponentTypes;
        var half = types.Count / 2;
        var mine = Side == Side.A ? types.Take(half).ToArray() : types.Skip(half).ToArray();
        Random.Shared.Shuffle(mine);
        var count = 3 + Random.Shared.Next(2);
        for (var i = 0; i < count; i++)
        {
            await AddNodeAsync(false, mine[i % mine.Length]);
        }
        string[] own;
        lock (round.Gate)
        {
            own = [.. Room.Nodes[Side]];
        }
        if (own.Length >= 3)
        {
            await AddLinkAsync(false, own[0], own[1]);
            await AddLinkAsync(false, own[1], own[2]);
        }
    }

    /// <summary>The measured window: an edit about every 500 ms, open loop (the next edit does not wait for the last ack).</summary>
    public async Task EditAsync(double windowStart, double windowEnd)
    {
        var next = windowStart + Random.Shared.NextDouble() * EditIntervalMs;
        var previousEdit = windowStart;
        while (next < windowEnd)
        {
            var roll = Random.Shared.NextDouble();
            string[] own, peers;
            string? shared;
            lock (round.Gate)
            {
                own = [.. Room.Nodes[Side]];
                peers = [.. Room.Nodes[PeerSide]];
                shared = Room.SharedNode;
            }
            if (roll < 0.75 && own.Length > 0)
            {
                await MoveAsync(own, peers, shared, next, previousEdit);
            }
            else
            {
                await Clock.SleepUntil(next);
                _ = connection!.SendAsync(InterviewHubMethods.Cursor, Random.Shared.NextDouble() * 1500, Random.Shared.NextDouble() * 900)
                    .ContinueWith(_ => { }, TaskScheduler.Default);
                lock (round.Gate)
                {
                    round.CursorsSent++;
                }
                OtherEdit(roll, own, peers, shared);
            }
            previousEdit = next;
            next += EditIntervalMs * (0.6 + Random.Shared.NextDouble() * 0.8);
        }
    }

    /// <summary>Move: mostly an own node, sometimes the peer's, sometimes the node both reach for; previews first.</summary>
    private async Task MoveAsync(string[] own, string[] peers, string? shared, double at, double previousEdit)
    {
        var r = Random.Shared.NextDouble();
        var nodeId = r < 0.85 ? Pick(own) : r < 0.95 && peers.Length > 0 ? Pick(peers) : shared ?? Pick(own);
        (double X, double Y) from;
        lock (round.Gate)
        {
            from = Room.Positions.TryGetValue(nodeId, out var p) ? p : (400, 300);
        }
        var to = (X: Math.Clamp(Math.Round(from.X + (Random.Shared.NextDouble() - 0.5) * 240), 0, 3000),
            Y: Math.Clamp(Math.Round(from.Y + (Random.Shared.NextDouble() - 0.5) * 240), 0, 2000));
        // Drag previews spaced 100 ms apart, ending at the drop, never reaching back before the previous edit.
        var previews = (int)Math.Min(5, Math.Floor((at - Math.Max(previousEdit, Clock.Now)) / PreviewSpacingMs));
        for (var i = previews; i >= 1; i--)
        {
            await Clock.SleepUntil(at - i * PreviewSpacingMs);
            var f = (previews - i + 1) / (double)(previews + 1);
            _ = connection!.SendAsync(InterviewHubMethods.DragPreview, nodeId, from.X + (to.X - from.X) * f, from.Y + (to.Y - from.Y) * f)
                .ContinueWith(_ => { }, TaskScheduler.Default);
            lock (round.Gate)
            {
                round.PreviewsSent++;
            }
        }
        await Clock.SleepUntil(at);
        if (InFlight >= MaxInFlight)
        {
            lock (round.Gate)
            {
                round.SkippedBacklog++;
            }
            return;
        }
        lock (round.Gate)
        {
            Room.Positions[nodeId] = to;
        }
        _ = SubmitAsync(new UpdateNodeOp(Id("o"), nodeId, Position: new DiagramPoint(to.X, to.Y)), true);
    }

    /// <summary>Relabels, new nodes and links, deletes of own links; sent without waiting for the answer.</summary>
    private void OtherEdit(double roll, string[] own, string[] peers, string? shared)
    {
        if (InFlight >= MaxInFlight)
        {
            lock (round.Gate)
            {
                round.SkippedBacklog++;
            }
            return;
        }
        int elements;
        lock (round.Gate)
        {
            elements = Room.Elements;
        }
        if (roll < 0.85 && own.Length > 0)
        {
            var nodeId = Random.Shared.NextDouble() < 0.8 || shared is null ? Pick(own) : shared;
            var who = Side == Side.A ? "Interviewer" : "Candidate";
            _ = SubmitAsync(new UpdateNodeOp(Id("o"), nodeId, Label: $"{who} label {counter}"), true);
        }
        else if (roll < 0.92 && elements < 400)
        {
            _ = AddNodeAsync(true, Pick([.. Room.ComponentTypes]));
        }
        else if (roll < 0.97 && own.Length + peers.Length >= 2 && elements < 400)
        {
            string[] all = [.. own, .. peers];
            var source = Pick(all);
            _ = AddLinkAsync(true, source, Pick(all.Where(n => n != source).ToArray()));
        }
        else
        {
            string? linkId = null;
            lock (round.Gate)
            {
                var links = Room.Links[Side];
                if (links.Count > 0)
                {
                    var i = Random.Shared.Next(links.Count);
                    linkId = links[i];
                    links.RemoveAt(i);
                    Room.Elements--;
                }
            }
            if (linkId is not null)
            {
                _ = SubmitAsync(new DeleteElementOp(Id("o"), linkId), true);
            }
            else if (own.Length > 0)
            {
                _ = SubmitAsync(new UpdateNodeOp(Id("o"), Pick(own), Label: $"relabelled {counter}"), true);
            }
        }
    }

    private static string Pick(string[] list) => list[Random.Shared.Next(list.Length)];

    public async Task StopAsync()
    {
        stopping = true;
        if (connection is not null)
        {
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception)
            {
                // closing is best effort: the round is over
            }
        }
    }
}
