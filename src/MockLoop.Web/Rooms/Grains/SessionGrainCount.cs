namespace MockLoop.Web.Rooms.Grains;

/// <summary>The session grains active on this node, for the live-sessions gauge on /metrics.</summary>
public sealed class SessionGrainCount
{
    private int _active;

    public int Active => Volatile.Read(ref _active);

    public void Activated() => Interlocked.Increment(ref _active);

    public void Deactivated() => Interlocked.Decrement(ref _active);
}
