namespace MockLoop.Core.Sessions;

/// <summary>
/// The server's clock minus ours, narrowed from every message that carries the server's time. A message stamped
/// <c>serverNow</c> and received at <c>receivedAt</c> proves the offset is at least <c>serverNow - receivedAt</c>
/// (it spent some time in transit); a reply to a request sent at <c>sentAt</c> also proves it is at most
/// <c>serverNow - sentAt</c>. The estimate is the middle of what is proven, so a slow reply after a reload no longer
/// puts the timer a second or more behind the partner's, as a single sample did.
/// </summary>
/// <param name="Lower">The largest lower bound seen.</param>
/// <param name="Upper">The smallest upper bound seen, once a reply to a timed request has arrived.</param>
public sealed record ServerClockEstimate(TimeSpan Lower, TimeSpan? Upper)
{
    /// <summary>Nothing known yet: the first sample decides.</summary>
    public static ServerClockEstimate None { get; } = new(TimeSpan.MinValue, null);

    public bool Known => Lower != TimeSpan.MinValue;

    public TimeSpan Offset => !Known ? TimeSpan.Zero
        : Upper is { } upper ? Lower + (upper - Lower) / 2
        : Lower;

    /// <summary>A pushed message: proves a lower bound only.</summary>
    public ServerClockEstimate Observe(DateTimeOffset serverNow, DateTimeOffset receivedAt) => Narrow(serverNow - receivedAt, null);

    /// <summary>The reply to a request sent at <paramref name="sentAt"/>: proves both bounds.</summary>
    public ServerClockEstimate Observe(DateTimeOffset serverNow, DateTimeOffset sentAt, DateTimeOffset receivedAt) =>
        Narrow(serverNow - receivedAt, serverNow - sentAt);

    private ServerClockEstimate Narrow(TimeSpan lower, TimeSpan? upper)
    {
        var narrowed = new ServerClockEstimate(
            Known ? Max(Lower, lower) : lower,
            (Upper, upper) switch
            {
                ({ } a, { } b) => a < b ? a : b,
                (null, { } b) => b,
                (var a, null) => a,
            });
        // Bounds that contradict each other mean a clock was set (ours jumped, or the server's): start over from this
        // sample alone rather than keep a proof about a clock that no longer exists.
        return narrowed.Upper is { } u && narrowed.Lower > u ? new ServerClockEstimate(lower, upper) : narrowed;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
