using Microsoft.AspNetCore.SignalR;

namespace MockLoop.Web.Rooms;

public enum RateKind
{
    /// <summary>Changes that are stored: timer, chat, notes, diagram ops.</summary>
    Durable,
    /// <summary>Cursors and drag previews: relayed, never stored.</summary>
    Volatile,
    /// <summary>The video call's signalling: relayed to the partner, never stored.</summary>
    CallSignal,
    /// <summary>Sync (catch-up or snapshot): a snapshot can be large, so a client may ask a few times a second at most.</summary>
    Sync,
}

/// <summary>
/// A token bucket per connection and kind, so one client cannot flood a session's writer or its peer. Each kind has a
/// bucket of its own, so one kind of traffic never starves another (a moving pointer must not drop a call's ICE
/// candidates). Durable: 20 per second sustained, bursts of 120 (one gesture can move many selected nodes at once).
/// Volatile: 20 per second (the design's cap for relayed traffic), bursts of 20. CallSignal: 20 per second, bursts
/// of 60 (a call setup trickles a burst of ICE candidates, well under 60). Sync: 2 per second, bursts of 10.
/// </summary>
public sealed class ConnectionRateLimits(TimeProvider clock)
{
    public const int CallSignalBurst = 60;

    /// <summary>One item key per kind, made once (a key built per call was an allocation on every op).</summary>
    private static readonly string[] Keys = Enum.GetNames<RateKind>().Select(name => "mockloop:rate:" + name).ToArray();

    private sealed class Bucket(double capacity, double perSecond, DateTimeOffset now)
    {
        private readonly double _capacity = capacity;
        private readonly double _perSecond = perSecond;
        private double _tokens = capacity;
        private DateTimeOffset _last = now;

        public bool TryTake(DateTimeOffset at)
        {
            lock (this)
            {
                // A clock that stepped back refills nothing.
                _tokens = Math.Min(_capacity, _tokens + Math.Max(0, (at - _last).TotalSeconds) * _perSecond);
                _last = at;
                if (_tokens < 1)
                {
                    return false;
                }
                _tokens -= 1;
                return true;
            }
        }
    }

    public bool TryTake(HubCallerContext context, RateKind kind)
    {
        var key = Keys[(int)kind];
        var now = clock.GetUtcNow();
        if (!context.Items.TryGetValue(key, out var value) || value is not Bucket bucket)
        {
            bucket = kind switch
            {
                RateKind.Durable => new Bucket(120, 20, now),
                RateKind.CallSignal => new Bucket(CallSignalBurst, 20, now),
                RateKind.Sync => new Bucket(10, 2, now),
                _ => new Bucket(20, 20, now),
            };
            context.Items[key] = bucket;
        }
        return bucket.TryTake(now);
    }
}
