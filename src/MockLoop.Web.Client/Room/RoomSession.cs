using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;
using MockLoop.Web.Client.Canvas;

namespace MockLoop.Web.Client.Room;

/// <summary>
/// The room's session on the client: its hub connection, its outbox of unsaved commands and the state the server has
/// ordered. <see cref="LiveRoom"/> renders it and sends intents through it; everything the hub says lands here first.
/// Handlers run on the component's dispatcher (<c>dispatch</c>, its InvokeAsync), so state is only touched there.
/// </summary>
public sealed class RoomSession : IAsyncDisposable
{
    private readonly Func<Func<Task>, Task> dispatch;
    private readonly TimeProvider clock;
    private readonly CancellationTokenSource stop = new();

    public RoomSession(Func<Func<Task>, Task> dispatch, TimeProvider clock)
    {
        this.dispatch = dispatch;
        this.clock = clock;
        Outbox = new CommandOutbox(() => Hub?.IsConnected == true, clock);
        Outbox.Changed += () => _ = dispatch(RaiseChanged);
        Outbox.Refused += (_, result) => dispatch(() =>
        {
            LastError = result.Error ?? "The server refused that change.";
            return RaiseChanged();
        });
    }

    public LiveRoomState State { get; } = new();

    public CommandOutbox Outbox { get; }

    public RoomHub? Hub { get; private set; }

    /// <summary>Who this person is in the room and who else is there (from the hub, on every connect).</summary>
    public RoomStateMessage? Room { get; private set; }

    public List<ParticipantView> Participants { get; private set; } = [];

    public ConnectionPhase Phase { get; private set; } = ConnectionPhase.Connecting;

    public bool CatchingUp { get; private set; }

    public string? LastError { get; set; }

    public ReturnMatchMessage? ReturnMatch { get; private set; }

    /// <summary>The server speaks another protocol version than this client was built for (MockLoop was updated).</summary>
    public bool Outdated { get; private set; }

    public SeatRole? MyRole => Room?.MyRole;

    /// <summary>Something the room shows changed.</summary>
    public event Func<Task>? Changed;

    /// <summary>The partner's diagram change, now stored, with the document as it was before it.</summary>
    public event Action<DiagramDocument, DiagramOp>? PartnerOp;

    /// <summary>A sync was applied (the chat may hold messages that were read before).</summary>
    public event Action? Synced;

    /// <summary>The connection is (back) up and the room caught up: the call may signal again.</summary>
    public event Func<Task>? Ready;

    /// <param name="views">Handlers for what only the view uses (peer cursors and drags, call signalling).</param>
    public async Task StartAsync(Uri hubUrl, Guid sessionId, Action<RoomHub> views)
    {
        Hub = new RoomHub(hubUrl, sessionId);
        Hub.On<RoomStateMessage>(nameof(IRoomClient.RoomState), state => dispatch(() =>
        {
            Outdated = state.Protocol != ContractJson.ProtocolVersion;
            Room = state;
            Participants = [.. state.Participants];
            return RaiseChanged();
        }));
        Hub.On<PresenceMessage>(nameof(IRoomClient.Presence), presence => dispatch(() =>
        {
            var index = Participants.FindIndex(x => x.UserId == presence.Participant.UserId);
            if (index >= 0)
            {
                Participants[index] = presence.Participant;
            }
            else
            {
                Participants.Add(presence.Participant);
            }
            return RaiseChanged();
        }));
        Hub.On<SessionEvent>(nameof(IRoomClient.Event), entry => dispatch(() => ApplyAsync(entry)));
        Hub.On<ReturnMatchMessage>(nameof(IRoomClient.ReturnMatch), match => dispatch(() =>
        {
            ReturnMatch = match;
            return RaiseChanged();
        }));
        views(Hub);
        Hub.PhaseChanged += next => dispatch(() => OnPhaseAsync(next));
        await Hub.StartAsync(stop.Token);
    }

    private async Task ApplyAsync(SessionEvent entry)
    {
        var before = State.Diagram.View;
        if (State.ApplyEvent(entry, clock.GetUtcNow()) && entry is DiagramEntry { Op: var op, AuthorId: { } author } && author != Room?.MyUserId)
        {
            PartnerOp?.Invoke(before, op);
        }
        if (State.NeedsSync || State.NeedsSnapshot)
        {
            await SyncAsync(fromScratch: State.NeedsSnapshot);
        }
        await RaiseChanged();
    }

    private async Task OnPhaseAsync(ConnectionPhase next)
    {
        Phase = next;
        if (next != ConnectionPhase.Connected)
        {
            Participants = Participants.Select(p => p.UserId == Room?.MyUserId ? p : p with { Online = false }).ToList();
        }
        await RaiseChanged();
        if (next == ConnectionPhase.Connected)
        {
            await SyncAsync();
            await Outbox.ResendAllAsync();
            if (Ready is { } ready)
            {
                await ready();
            }
        }
    }

    /// <summary>What was missed since the last entry applied (or everything, from scratch).</summary>
    public async Task SyncAsync(bool fromScratch = false)
    {
        if (Hub is null)
        {
            return;
        }
        CatchingUp = true;
        await RaiseChanged();
        try
        {
            var sentAt = clock.GetUtcNow();
            var result = await Hub.SyncAsync(State.Loaded && !fromScratch ? State.Seq : -1);
            State.ApplySync(result, clock.GetUtcNow(), sentAt);
            if (State.Loaded)
            {
                Synced?.Invoke();
            }
        }
        catch (Exception ex)
        {
            LastError = "Could not load the interview: " + ex.Message;
        }
        finally
        {
            CatchingUp = false;
            await RaiseChanged();
        }
    }

    public async Task LoadOlderChatAsync()
    {
        if (Hub is null || State.Chat.Count == 0)
        {
            return;
        }
        try
        {
            State.AddOlderChat(await Hub.ChatBeforeAsync(State.Chat[0].Seq));
        }
        catch (Exception ex)
        {
            LastError = "Could not load earlier messages: " + ex.Message;
        }
    }

    /// <summary>Our own edit: drawn at once, then sent through the outbox until the log confirms it.</summary>
    public void SubmitOp(DiagramOp op)
    {
        State.ApplyLocal(op);
        Outbox.Enqueue(op.OpId, () => Hub!.SubmitOpAsync(op), result =>
        {
            if (!result.Ok)
            {
                State.Reject(op.OpId);
            }
        });
    }

    public void Timer(TimerCommand command) => Send(id => Hub!.TimerAsync(command, id));

    public void SendChat(string text) => Send(id => Hub!.SendChatAsync(text, id));

    public void SaveNote(string stepId, string text) => Send(id => Hub!.SaveNoteAsync(stepId, text, id));

    public void SelfAssess(CriterionScoreView score) =>
        Send(id => Hub!.SelfAssessAsync(score.StepId, score.CriterionId, score.Level, id));

    public void SubmitScorecard(ScorecardDraft draft) =>
        Send(id => Hub!.SubmitScorecardAsync(draft.TargetLevel, draft.Strengths, draft.Improvements, draft.NextStep, id));

    /// <summary>Completes true once stored, false when refused for good (the scoring panel shows which).</summary>
    public Task<bool> ScoreAsync(CriterionScoreView score) => Stored(id => Hub!.ScoreCriterionMarksAsync(score, id));

    public Task<bool> FlagAsync(RedFlagIntent flag) => Stored(id => Hub!.RecordRedFlagAsync(flag, id));

    /// <summary>Roles reversed with the same partner: the new room's address, or null (and <see cref="LastError"/>).</summary>
    public async Task<string?> StartReturnMatchAsync()
    {
        try
        {
            var result = await Hub!.StartReturnMatchAsync();
            if (result is { Ok: true, Location: { } location })
            {
                return location;
            }
            LastError = result.Error ?? "The return match could not be started.";
        }
        catch (Exception ex)
        {
            LastError = "The return match could not be started: " + ex.Message;
        }
        return null;
    }

    public Task DragPreviewAsync(string nodeId, double x, double y) => Hub?.DragPreviewAsync(nodeId, x, y) ?? Task.CompletedTask;

    public Task CursorAsync(double x, double y) => Hub?.CursorAsync(x, y) ?? Task.CompletedTask;

    /// <summary>Every durable command gets a fresh client id, which the server deduplicates resends by.</summary>
    private void Send(Func<string, Task<CommandResult>> send)
    {
        var clientId = Ids.New("c");
        Outbox.Enqueue(clientId, () => send(clientId));
    }

    private Task<bool> Stored(Func<string, Task<CommandResult>> send)
    {
        var clientId = Ids.New("c");
        var settled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Outbox.Enqueue(clientId, () => send(clientId), result => settled.TrySetResult(result.Ok));
        return settled.Task;
    }

    private Task RaiseChanged() => Changed?.Invoke() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }
        stop.Dispose();
    }
}
