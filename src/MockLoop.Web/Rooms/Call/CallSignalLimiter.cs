using Microsoft.AspNetCore.SignalR;

namespace MockLoop.Web.Rooms.Call;

/// <summary>
/// A token bucket per connection for call signalling, apart from the cursor bucket: setting up a call trickles a
/// burst of ICE candidates that must not be dropped because the pointer was moving, and cursors must not starve a
/// renegotiation. Bursts of 60, 20 per second sustained: a call setup needs well under 60 messages.
/// </summary>
public sealed class CallSignalLimiter(TimeProvider clock)
{
    public const int Burst = 60;
    public const double PerSecond = 20;
    private const string Key = "mockloop:rate:call";

    private sealed class Bucket(DateTimeOffset now)
    {
        private double _tokens = Burst;
        private DateTimeOffset _last = now;

        public bool TryTake(DateTimeOffset at)
        {
            lock (this)
            {
                _tokens = Math.Min(Burst, _tokens + Math.Max(0, (at - _last).TotalSeconds) * PerSecond);
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

    public bool TryTake(HubCallerContext context)
    {
        var now = clock.GetUtcNow();
        if (!context.Items.TryGetValue(Key, out var value) || value is not Bucket bucket)
        {
            bucket = new Bucket(now);
            context.Items[Key] = bucket;
        }
        return bucket.TryTake(now);
    }
}
