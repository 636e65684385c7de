using Microsoft.AspNetCore.SignalR;

namespace MockLoop.Web.Rooms;

public enum RateKind
{
    /// <summary>Changes that are stored: timer, chat, notes, diagram ops.</summary>
    Durable,
    /// <summary>Cursors and drag previews: relayed, never stored.</summary>
    Volatile,
    /// <summary>Sync (catch-up or snapshot): a snapshot can be large, so a client may ask a few times a second at most.</summary>
    Sync,
}

/// <summary>
/// A token bucket per connection and kind, so one client cannot flood a session's writer or its peer.
/// Durable: 20 per second sustained, bursts of 120 (one gesture can move many selected nodes at once).
/// Volatile: 20 per second (DESIGN.md), bursts of 20. Sync: 2 per second sustained, bursts of 10.
/// </summary>
public sealed class ConnectionRateLimits(TimeProvider clock)
{
    private sealed class Bucket(double capacity, double perSecond, DateTimeOffset now)
    {
        private readonly double _capacity = capacity;
        private double _tokens = capacity;
        private DateTimeOffset _last = now;

        public bool TryTake(DateTimeOffset at)
        {
            lock (this)
            {
                _tokens = Math.Min(_capacity, _tokens + (at - _last).TotalSeconds * perSecond);
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
        var key = "mockloop:rate:" + kind;
        var now = clock.GetUtcNow();
        if (!context.Items.TryGetValue(key, out var value) || value is not Bucket bucket)
        {
            bucket = kind switch
            {
                RateKind.Durable => new Bucket(120, 20, now),
                RateKind.Sync => new Bucket(10, 2, now),
                _ => new Bucket(20, 20, now),
            };
            context.Items[key] = bucket;
        }
        return bucket.TryTake(now);
    }
}
