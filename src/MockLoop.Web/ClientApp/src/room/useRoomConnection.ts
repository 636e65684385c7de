import { useEffect, useReducer, useRef, useState } from "react";
import type { HubConnection } from "@microsoft/signalr";
import { createRoomConnection } from "./connection";
import { type ConnectionStatus, isFinal, reconnectDelayMs, statusFromStartError } from "./connectionStatus";
import {
  type PresenceMessage,
  type RoomState,
  type RoomStateMessage,
  applyPresence,
  applyRoomState,
  emptyRoom,
  markPeersUnknown,
} from "./roomState";

type Action =
  | { kind: "state"; message: RoomStateMessage }
  | { kind: "presence"; message: PresenceMessage }
  | { kind: "lost" };

function reduce(state: RoomState, action: Action): RoomState {
  switch (action.kind) {
    case "state":
      return applyRoomState(state, action.message);
    case "presence":
      return applyPresence(state, action.message);
    case "lost":
      return markPeersUnknown(state);
  }
}

/** Connects to the room's hub, keeps trying until it gets in (or is refused), and folds messages into state. */
export function useRoomConnection(hubUrl: string, sessionId: string) {
  const [room, dispatch] = useReducer(reduce, sessionId, emptyRoom);
  const [status, setStatus] = useState<ConnectionStatus>({ phase: "connecting" });
  const connectionRef = useRef<HubConnection | null>(null);
  // Bumped on every successful (re)connect: the live session syncs what it missed each time.
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    const connection = createRoomConnection(hubUrl, sessionId);
    connectionRef.current = connection;

    connection.on("RoomState", (message: RoomStateMessage) => dispatch({ kind: "state", message }));
    connection.on("Presence", (message: PresenceMessage) => dispatch({ kind: "presence", message }));
    connection.onreconnecting(() => {
      setStatus({ phase: "reconnecting", detail: "Connection lost. Reconnecting…" });
      dispatch({ kind: "lost" });
    });
    connection.onreconnected(() => {
      setStatus({ phase: "connected" });
      setEpoch((e) => e + 1);
    });
    connection.onclose(() => {
      if (stopped) return;
      dispatch({ kind: "lost" });
      setStatus({ phase: "offline", detail: "Disconnected. Retrying…" });
      scheduleStart(0);
    });

    // withAutomaticReconnect only covers drops after a first success; the first start needs its own retries.
    const start = async (attempt: number) => {
      if (stopped) return;
      try {
        await connection.start();
        if (!stopped) {
          setStatus({ phase: "connected" });
          setEpoch((e) => e + 1);
        }
      } catch (error) {
        if (stopped) return;
        const next = statusFromStartError(error);
        setStatus(next);
        if (!isFinal(next)) scheduleStart(attempt + 1);
      }
    };
    const scheduleStart = (attempt: number) => {
      retryTimer = setTimeout(() => void start(attempt), reconnectDelayMs(attempt) || 250);
    };

    void start(0);
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      void connection.stop();
    };
  }, [hubUrl, sessionId]);

  return { room, status, connection: connectionRef, epoch };
}
