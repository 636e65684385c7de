using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using MockLoop.Core.Contracts;

namespace MockLoop.Web.Client;

/// <summary>
/// How the room and the lobby reach their hubs: a WebSocket straight away, with no negotiate request first. The
/// negotiate request and the WebSocket would be two HTTP requests that must reach the same node; with one request a
/// load balancer can send every connection to any node in plain round robin (deploy/nginx.conf). Every browser the
/// room supports has WebSockets, and the room needs them anyway.
/// </summary>
public static class HubTransport
{
    public static void WebSocketsOnly(HttpConnectionOptions options)
    {
        options.Transports = HttpTransportType.WebSockets;
        options.SkipNegotiation = true;
    }

    /// <summary>
    /// The keep-alive and time-out every connection of the room and the lobby uses (HubTimings): the default 15 s ping
    /// arrives too late for the server's 15 s time-out, and closed quiet lobby pages (issue 20).
    /// </summary>
    public static HubConnection WithMockLoopTimings(this HubConnection connection)
    {
        connection.KeepAliveInterval = HubTimings.ClientKeepAlive;
        connection.ServerTimeout = HubTimings.ServerTimeout;
        return connection;
    }
}
