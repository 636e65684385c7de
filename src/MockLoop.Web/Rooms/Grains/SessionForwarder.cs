using Microsoft.AspNetCore.SignalR;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>One session's publications on their way to this node's connections, in sequence order.</summary>
/// <remarks>
/// Sent through the untyped hub context: the event goes out as the bytes the writer encoded (<see cref="EncodedEvent"/>),
/// under <see cref="IRoomClient.Event"/>'s name, and the client reads it as the <see cref="SessionEvent"/> it is.
/// </remarks>
internal sealed class SessionForwarder(Guid sessionId, IHubContext<InterviewHub> hub, ILogger logger)
{
    private readonly SessionOutbox _toInterviewer = new(Sender(hub, RoomGroups.Interviewer(sessionId)), logger);
    private readonly SessionOutbox _toCandidate = new(Sender(hub, RoomGroups.Candidate(sessionId)), logger);

    private static Func<EncodedEvent, Task> Sender(IHubContext<InterviewHub> hub, string group)
    {
        var connections = hub.Clients.Group(group);
        return encoded => connections.SendAsync(nameof(IRoomClient.Event), encoded);
    }
    private readonly SortedDictionary<long, SessionPublication> _early = [];
    private DateTimeOffset? _waitingSince;
    private Guid _epoch;
    private long _next = 1;

    public Guid SessionId { get; } = sessionId;
    /// <summary>This node's open connections for the session, per user.</summary>
    public Dictionary<Guid, int> Users { get; } = [];

    /// <summary>-1 before the first subscription: a new connection's client Syncs, nothing to catch up.</summary>
    public long ForwardedUpTo => _epoch == Guid.Empty ? -1 : _next - 1;

    public void Adopt(SessionSubscription subscription)
    {
        var first = _epoch == Guid.Empty;
        if (!first && subscription.Epoch != _epoch)
        {
            Observability.NodeMetrics.Failovers.Add(1, new KeyValuePair<string, object?>("grain", "session"));
        }
        _epoch = subscription.Epoch;
        if (first || subscription.Missed is null)
        {
            // Entries already in the log when this node subscribed reach its clients through Sync, never twice.
            _next = Math.Max(_next, subscription.Seq + 1);
        }
        foreach (var publication in subscription.Missed ?? [])
        {
            Receive(publication, DateTimeOffset.UtcNow);
        }
        Drain();
    }

    public void Receive(SessionPublication publication, DateTimeOffset now)
    {
        var seq = publication.Seq;
        if (seq < _next)
        {
            return;
        }
        if (seq == _next && _early.Count == 0)
        {
            // The common case, the next one in order with nothing waiting: straight out.
            Send(publication);
            return;
        }
        _early[seq] = publication;
        _waitingSince ??= now;
        Drain();
    }

    public void SkipGapsOlderThan(DateTimeOffset limit)
    {
        if (_early.Count > 0 && _waitingSince < limit)
        {
            // The missing entries were lost with a node; they are in the log, and clients that see the gap Sync.
            _next = _early.Keys.First();
            Drain();
        }
    }

    private void Drain()
    {
        foreach (var seq in _early.Keys.Where(s => s < _next).ToList())
        {
            _early.Remove(seq);
        }
        while (_early.Remove(_next, out var publication))
        {
            Send(publication);
        }
        _waitingSince = _early.Count > 0 ? DateTimeOffset.UtcNow : null;
    }

    private void Send(SessionPublication publication)
    {
        _toInterviewer.Enqueue(publication.ForInterviewer);
        _toCandidate.Enqueue(publication.ForCandidate);
        _next++;
    }
}
