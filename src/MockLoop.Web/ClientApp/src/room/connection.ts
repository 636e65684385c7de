import * as signalR from "@microsoft/signalr";
import { reconnectDelayMs } from "./connectionStatus";

/** One hub connection per room page; the session id rides in the URL so a load balancer can pin the session. */
export function createRoomConnection(hubUrl: string, sessionId: string): signalR.HubConnection {
  return new signalR.HubConnectionBuilder()
    .withUrl(`${hubUrl}?session=${encodeURIComponent(sessionId)}`)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => reconnectDelayMs(ctx.previousRetryCount) })
    .withServerTimeout(15000)
    .withKeepAliveInterval(5000)
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}
