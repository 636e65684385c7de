import * as signalR from "@microsoft/signalr";
import { reconnectDelayMs } from "./connectionStatus";

/**
 * One hub connection per room page. WebSockets only, with no negotiate request: a single HTTP request, so a load
 * balancer may send it to any node in plain round robin (the Blazor room's HubTransport does the same).
 */
export const webSocketsOnly = { transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true };

export function createRoomConnection(hubUrl: string, sessionId: string): signalR.HubConnection {
  return new signalR.HubConnectionBuilder()
    .withUrl(`${hubUrl}?session=${encodeURIComponent(sessionId)}`, webSocketsOnly)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => reconnectDelayMs(ctx.previousRetryCount) })
    .withServerTimeout(15000)
    .withKeepAliveInterval(5000)
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}
