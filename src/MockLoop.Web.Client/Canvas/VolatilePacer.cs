namespace MockLoop.Web.Client.Canvas;

/// <summary>
/// Paces volatile messages (the pointer, drag previews) to the server's budget of 20 a second per connection without
/// losing the last one: a sample that comes too soon is held, a newer one replaces it, and the newest held sample is
/// sent as soon as the budget allows. Where the pointer stops is therefore always sent, at most 50 ms late.
/// </summary>
/// <param name="send">Sends one sample (the component marshals it onto its renderer).</param>
/// <param name="cost">How many messages a sample is (a batch of N drag previews costs N intervals).</param>
public sealed class VolatilePacer<T>(TimeProvider clock, Func<T, Task> send, Func<T, int>? cost = null) : IDisposable
{
    /// <summary>One message per this long: 20 a second, the design's cap for relayed traffic.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly Lock gate = new();
    private DateTimeOffset nextAt;
    private ITimer? timer;
    private T? held;
    private bool holding;

    /// <summary>A sample to send now, or as soon as the budget allows if none is held already.</summary>
    public void Offer(T sample)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (holding || now < nextAt)
            {
                held = sample;
                holding = true;
                timer ??= clock.CreateTimer(_ => Flush(), null, nextAt > now ? nextAt - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
                return;
            }
            Spend(sample, now);
        }
        _ = send(sample);
    }

    /// <summary>Forgets a held sample (the drop was stored as an op: a late preview would only draw the past).</summary>
    public void Discard()
    {
        lock (gate)
        {
            holding = false;
            held = default;
            timer?.Dispose();
            timer = null;
        }
    }

    private void Flush()
    {
        T sample;
        lock (gate)
        {
            timer?.Dispose();
            timer = null;
            if (!holding)
            {
                return;
            }
            sample = held!;
            holding = false;
            held = default;
            Spend(sample, clock.GetUtcNow());
        }
        _ = send(sample);
    }

    private void Spend(T sample, DateTimeOffset now) => nextAt = now + Interval * Math.Max(1, cost?.Invoke(sample) ?? 1);

    public void Dispose() => Discard();
}
