namespace MockLoop.Core.Pairing;

/// <summary>What to do with a change of the lobby's counts.</summary>
public abstract record CountsBroadcast
{
    public sealed record Now : CountsBroadcast;

    /// <summary>Send once <paramref name="Delay"/> has passed; later changes ride along with it.</summary>
    public sealed record Later(TimeSpan Delay) : CountsBroadcast;

    /// <summary>A send is already due and will carry this change.</summary>
    public sealed record AlreadyDue : CountsBroadcast;
}

/// <summary>
/// The lobby's counts go to everyone in it, so a burst of joins and leaves (or someone toggling in a loop) would be a
/// burst of broadcasts to all, and a fine-grained view of who comes and goes. At most one broadcast per interval: the
/// first change goes at once, changes within the interval after it are sent together at its end, with the counts as
/// they are then.
/// </summary>
public static class CountsThrottle
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public static CountsBroadcast Decide(DateTimeOffset now, DateTimeOffset? lastSentAt, bool sendDue)
    {
        if (sendDue)
        {
            return new CountsBroadcast.AlreadyDue();
        }
        if (lastSentAt is not { } last || now - last >= Interval)
        {
            return new CountsBroadcast.Now();
        }
        return new CountsBroadcast.Later(last + Interval - now);
    }
}
