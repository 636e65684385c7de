namespace MockLoop.Core.Diagrams;

/// <summary>
/// What each browser holds (the Blazor room's <c>LiveRoomState</c> keeps one), so convergence is tested here.
/// <see cref="Confirmed"/> is the server's document up to <see cref="LastSequence"/> (ops in server order);
/// <see cref="Pending"/> are local ops sent but not yet confirmed or rejected; <see cref="View"/> (what is drawn) is
/// the confirmed document with the pending ops applied on top, so a user sees their own edits at once.
/// Once every pending op is confirmed or rejected, View equals the server's document.
/// </summary>
public sealed class DiagramReplica
{
    private readonly List<DiagramOp> pending = [];

    public DiagramReplica()
        : this(DiagramDocument.Empty, 0)
    {
    }

    public DiagramReplica(DiagramDocument confirmed, long lastSequence)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        Confirmed = confirmed;
        View = confirmed;
        LastSequence = lastSequence;
    }

    public DiagramDocument Confirmed { get; private set; }

    public DiagramDocument View { get; private set; }

    /// <summary>The sequence number of the last confirmed op; sent on reconnect to get what was missed.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Local ops awaiting the server, in the order they were made (and must be resent after a reconnect).</summary>
    public IReadOnlyList<DiagramOp> Pending => pending;

    /// <summary>The user made an edit: show it at once and keep it until the server confirms or rejects it.</summary>
    public void ApplyLocal(DiagramOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        pending.Add(op);
        View = View.Apply(op);
    }

    /// <summary>
    /// An op the server accepted, in server order. It goes into the confirmed document; if it is one of ours it leaves
    /// the pending list; then the view is recomputed as confirmed + pending.
    /// </summary>
    public ServerOpOutcome ReceiveConfirmed(long sequence, DiagramOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (sequence <= LastSequence)
        {
            return ServerOpOutcome.Duplicate;
        }

        if (sequence != LastSequence + 1)
        {
            return ServerOpOutcome.Gap;
        }

        // If it is our oldest pending op, the view already shows confirmed + this op + the rest: nothing to redo.
        var wasOldestPending = pending.Count > 0 && pending[0].OpId == op.OpId;
        Confirmed = Confirmed.Apply(op);
        LastSequence = sequence;
        if (wasOldestPending)
        {
            pending.RemoveAt(0);
        }
        else
        {
            pending.RemoveAll(p => p.OpId == op.OpId);
            Recompute();
        }

        return ServerOpOutcome.Applied;
    }

    /// <summary>The server rejected one of our ops: drop it and redraw without it.</summary>
    public void ReceiveRejected(string opId) => Forget(opId);

    /// <summary>
    /// The server had already applied this op before (we resent it after a reconnect that came with a snapshot, which
    /// carries no op ids): its effect is in the confirmed document, so drop it from pending.
    /// </summary>
    public void ReceiveAlreadyApplied(string opId) => Forget(opId);

    /// <summary>
    /// Replace the confirmed document with a snapshot (reconnect after too long away). Pending ops are kept; the
    /// client resends them and the server's op-id dedupe makes that safe.
    /// </summary>
    public void Resync(DiagramSnapshot snapshot, long sequence)
    {
        Confirmed = DiagramDocument.FromSnapshot(snapshot);
        LastSequence = sequence;
        Recompute();
    }

    private void Forget(string opId)
    {
        if (pending.RemoveAll(p => p.OpId == opId) > 0)
        {
            Recompute();
        }
    }

    private void Recompute() => View = pending.Aggregate(Confirmed, (document, op) => document.Apply(op));
}
