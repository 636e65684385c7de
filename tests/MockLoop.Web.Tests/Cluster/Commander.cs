using MockLoop.Core.Contracts;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Cluster;

/// <summary>
/// A participant's client sending one command after another (ops and chat, each with its own id), as the room
/// does: a transport error means the connection dropped, so it reconnects (when it can), syncs from the last seq
/// it applied and sends the same command again. Every refusal is recorded; none is expected, unless
/// <paramref name="resendUnavailable"/>: then an <c>unavailable</c> answer is counted and the same command sent again,
/// as the room's outbox does.
/// </summary>
internal sealed class Commander(string name, RoomHub hub, Func<Task<RoomHub>>? reconnect = null, bool resendUnavailable = false)
{
    public static object AddNode(string opId, string nodeId) => new
    {
        type = "addNode", opId, node = new { id = nodeId, componentType = "client", label = "Client", x = 10, y = 20, width = 160, height = 60 },
    };

    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);
    private long _lastSeq;

    public RoomHub Hub { get; private set; } = hub;
    public List<long> Acked { get; } = [];
    public List<long> Applied { get; } = [];
    public List<string> Refusals { get; } = [];
    public int Reconnects { get; private set; }
    private int _unavailable;

    /// <summary>How many answers were <c>unavailable</c> (each followed by the same command again).</summary>
    public int Unavailable => _unavailable;

    public async Task RunAsync(CancellationToken stop)
    {
        for (var i = 1; !stop.IsCancellationRequested; i++)
        {
            var clientId = $"{name}-{i}";
            while (!stop.IsCancellationRequested)
            {
                CommandResult result;
                try
                {
                    result = i % 2 == 0
                        ? await Hub.CommandAsync("SendChat", $"{name} says {i}", clientId)
                        : await Hub.CommandAsync("SubmitOp", AddNode(clientId, $"{name}-n{i}"));
                }
                catch (Exception ex) when (ex is not Microsoft.AspNetCore.SignalR.HubException && reconnect is not null)
                {
                    // The connection dropped with its node (a server error would be a HubException, and fail).
                    await Hub.DisposeAsync();
                    Hub = await ReconnectAsync(reconnect);
                    continue;
                }
                if (!result.Ok && resendUnavailable && result.Code == CommandCodes.Unavailable)
                {
                    Interlocked.Increment(ref _unavailable);
                    await Task.Delay(Pace, CancellationToken.None);
                    continue;
                }
                if (result.Ok)
                {
                    lock (Acked)
                    {
                        Acked.Add(result.Seq!.Value);
                    }
                }
                else
                {
                    Refusals.Add($"{clientId}: {result.Code} {result.Error}");
                }
                break;
            }
            ApplyLive();
            // A person's pace, under the hub's sustained limit of 20 durable changes a second per connection:
            // sending back to back drains the burst of 120 within seconds on a fast machine, and the refusal
            // (rate_limited) is the limit working, not the handover failing.
            await Task.Delay(Pace, CancellationToken.None);
        }
    }

    private async Task<RoomHub> ReconnectAsync(Func<Task<RoomHub>> connect)
    {
        ApplyLive();
        var fresh = await connect();
        Reconnects++;
        await fresh.ExpectAsync("RoomState");
        var sync = await fresh.SyncAsync(_lastSeq);
        foreach (var e in sync.GetProperty("events").EnumerateArray())
        {
            Apply(e.GetProperty("seq").GetInt64());
        }
        return fresh;
    }

    /// <summary>Applies the live events received so far, in order, skipping what a Sync already gave.</summary>
    public void ApplyLive()
    {
        foreach (var seq in Hub.Events.Select(e => e.GetProperty("seq").GetInt64()).Order())
        {
            Apply(seq);
        }
    }

    private void Apply(long seq)
    {
        if (seq > _lastSeq)
        {
            Applied.Add(seq);
            _lastSeq = seq;
        }
    }
}
