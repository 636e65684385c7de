namespace MockLoop.Web.Rooms.Grains;

/// <summary>The failures of a grain call that mean "its node is gone or going; try again shortly".</summary>
public static class ClusterFailures
{
    public static bool IsTransient(Exception ex) =>
        ex is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or OperationCanceledException
        || (ex.InnerException is { } inner && IsTransient(inner));
}
