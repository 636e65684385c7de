using System.Threading.Channels;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// Where a session's committed entries wait to be sent to one role's connections, in sequence order. The writer
/// only enqueues (the entry is already durable and acknowledged), and a pump per role sends: a client that stops
/// reading holds up at most its own role's pump, never the writer and never the other participant.
/// </summary>
internal sealed class SessionOutbox
{
    private readonly Channel<EncodedEvent> _queue = Channel.CreateUnbounded<EncodedEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public SessionOutbox(Func<EncodedEvent, Task> send, ILogger logger)
    {
        _ = Task.Run(async () =>
        {
            await foreach (var message in _queue.Reader.ReadAllAsync())
            {
                try
                {
                    await send(message);
                }
                catch (Exception ex)
                {
                    // The entry is stored; a client that missed it gets it from Sync (it sees the gap).
                    logger.LogWarning(ex, "Broadcasting entry {Seq} failed", message.Seq);
                }
            }
        });
    }

    /// <summary>Called under the writer's lock, so entries are queued in sequence order.</summary>
    public void Enqueue(EncodedEvent message) => _queue.Writer.TryWrite(message);
}
