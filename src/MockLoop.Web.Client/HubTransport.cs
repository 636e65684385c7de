using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;

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
}
