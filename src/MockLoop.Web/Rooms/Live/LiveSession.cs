using Microsoft.AspNetCore.SignalR;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// One live interview served by this node (without <c>Cluster:Enabled</c>): the session's <see cref="SessionWriter"/>
/// with a fan-out to this node's hub connections. Publications are queued per seat in sequence order; the writer
/// never waits for a client to take them (see <see cref="SessionOutbox"/>).
/// </summary>
public sealed class LiveSession
{
    private readonly SessionWriter _writer;
    private readonly IHubContext<InterviewHub, IRoomClient> _hub;
    private readonly SessionOutbox _toInterviewer;
    private readonly SessionOutbox _toCandidate;

    private LiveSession(
        LoadedSession loaded, IServiceScopeFactory scopes, SessionLogWriter log, SessionSnapshotWriter snapshots,
        IHubContext<InterviewHub, IRoomClient> hub, TimeProvider clock, ILogger logger)
    {
        var id = loaded.Row.Id;
        _hub = hub;
        _toInterviewer = new SessionOutbox(m => hub.Clients.Group(RoomGroups.Interviewer(id)).Event(m), logger);
        _toCandidate = new SessionOutbox(m => hub.Clients.Group(RoomGroups.Candidate(id)).Event(m), logger);
        _writer = new SessionWriter(loaded, scopes, log, snapshots, clock, published =>
        {
            _toInterviewer.Enqueue(published.ForInterviewer);
            _toCandidate.Enqueue(published.ForCandidate);
        });
    }

    /// <summary>Loads the session from its log (latest snapshot + the entries after it); null if there is no such session.</summary>
    public static async Task<LiveSession?> LoadAsync(
        Guid sessionId, IServiceScopeFactory scopes, SessionLogWriter log, SessionSnapshotWriter snapshots,
        IHubContext<InterviewHub, IRoomClient> hub, TimeProvider clock, ILogger logger, CancellationToken ct) =>
        await SessionLoader.LoadAsync(sessionId, scopes, fromSnapshot: true, ct) is { } loaded
            ? new LiveSession(loaded, scopes, log, snapshots, hub, clock, logger)
            : null;

    public Guid Id => _writer.Id;

    public long Seq => _writer.Seq;

    /// <summary>Set when this copy found itself behind the log; the engine then loads a fresh one.</summary>
    public bool IsStale => _writer.IsStale;

    public Rubric Rubric => _writer.Rubric;

    /// <summary>The writer itself, for tests that look at the state it holds.</summary>
    internal SessionWriter Writer => _writer;

    public SeatRole? RoleOf(Guid userId) => _writer.RoleOf(userId);

    /// <summary>Seats can fill after the session was loaded (the partner joins); the hub passes them on connect.</summary>
    public Task RefreshSeatsAsync(InterviewSession row, IReadOnlyList<Participant> participants) =>
        _writer.RefreshSeatsAsync(row.InterviewerId, row.CandidateId, participants.Select(p => KeyValuePair.Create(p.UserId, p.DisplayName)));

    public Task<CommandResult> SubmitAsync(Guid userId, LiveCommand command, string? clientId) =>
        _writer.SubmitAsync(userId, command, clientId);

    public async Task<SyncResult> SyncAsync(Guid userId, long lastSeq, CancellationToken ct) =>
        await _writer.SyncAsync(userId, lastSeq, ct) ?? throw new HubException("You are not a participant in this interview.");

    public async Task<ChatPage> ChatBeforeAsync(Guid userId, long beforeSeq, CancellationToken ct) =>
        await _writer.ChatBeforeAsync(userId, beforeSeq, ct) ?? throw new HubException("You are not a participant in this interview.");

    public async Task<(string? Url, CommandResult? Error)> StartReturnMatchAsync(Guid userId, string startedBy)
    {
        var (url, error) = await _writer.StartReturnMatchAsync(userId);
        if (url is not null)
        {
            await _hub.Clients.Group(RoomGroups.All(Id)).ReturnMatch(new ReturnMatchMessage(url, startedBy));
        }
        return (url, error);
    }
}
