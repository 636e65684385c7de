namespace MockLoop.Core.Sessions;

/// <summary>
/// Which recent changes a session has stored, by (author, client id), so a change resent after a lost
/// acknowledgement is answered with its sequence instead of being applied twice. The key includes the author: a
/// client id is only unique within its sender, and a participant who reuses another's id must never be told the
/// other's sequence. Bounded: the oldest ids are forgotten first (the database's unique index on the same key still
/// refuses a very late resend, see SessionWriter).
/// </summary>
public sealed class ResendWindow(int capacity)
{
    private readonly Dictionary<(Guid Author, string ClientId), long> _seqByKey = [];
    private readonly Queue<(Guid Author, string ClientId)> _order = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public int Count => _seqByKey.Count;

    /// <summary>The sequence this author's change was stored under, if it is still remembered.</summary>
    public long? Find(Guid author, string? clientId) =>
        clientId is not null && _seqByKey.TryGetValue((author, clientId), out var seq) ? seq : null;

    public void Remember(Guid author, string? clientId, long seq)
    {
        if (clientId is null || !_seqByKey.TryAdd((author, clientId), seq))
        {
            return;
        }
        _order.Enqueue((author, clientId));
        while (_order.Count > Capacity)
        {
            _seqByKey.Remove(_order.Dequeue());
        }
    }
}
