namespace MockLoop.Core.Contracts;

/// <summary>
/// Keep-alive and time-outs of every SignalR hub and every client of one, in one place (issue 20). The server closes
/// a connection it has heard nothing from for <see cref="ClientTimeout"/>; a client that pinged only every 15 s (the
/// .NET client's default) against a 15 s time-out was closed while it waited quietly in the lobby. Each side pings at
/// most every half of the other side's time-out, so one late ping never closes a healthy connection.
/// </summary>
public static class HubTimings
{
    /// <summary>How often the server pings its clients when it has nothing else to send.</summary>
    public static readonly TimeSpan ServerKeepAlive = TimeSpan.FromSeconds(5);

    /// <summary>The server closes a connection it has heard nothing from for this long.</summary>
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How often a client pings the server when it has nothing else to send.</summary>
    public static readonly TimeSpan ClientKeepAlive = TimeSpan.FromSeconds(5);

    /// <summary>A client takes the connection as lost after hearing nothing from the server for this long.</summary>
    public static readonly TimeSpan ServerTimeout = TimeSpan.FromSeconds(15);
}
