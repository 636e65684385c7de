namespace MockLoop.Web.Rooms;

/// <summary>
/// Which of a connection's rate buckets a hub method draws from. <see cref="RoomHubFilter"/> takes the token before the
/// method runs, so no method checks its own limit.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LimitedAttribute(RateKind kind) : Attribute
{
    public RateKind Kind { get; } = kind;
}
