using System.Net;
using System.Net.Sockets;

namespace MockLoop.Web.Tests.Support;

/// <summary>A loopback port nothing listens on, for a server a test starts (an app node, a PostgreSQL of its own).</summary>
public static class LoopbackPort
{
    /// <summary>The kernel's pick for a listener (it prefers odd ports there, outgoing connections even ones).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
