import { type MutableRefObject, useCallback, useEffect, useReducer, useRef, useState } from "react";
import type { HubConnection } from "@microsoft/signalr";
import { addPending, applyEvent, applySync, dropPending, initialLive, prependChat, type LiveState } from "./liveState";
import type { ChatPage, CommandResult, SessionEventMessage, SyncResult } from "./liveTypes";
import type { DiagramOp } from "../canvas/diagramTypes";
import { sendUntilStored, storeRetryDelayMs, UNAVAILABLE } from "./storeRetry";

type Action =
  | { kind: "sync"; result: SyncResult; at: number }
  | { kind: "event"; entry: SessionEventMessage; at: number }
  | { kind: "local-op"; op: DiagramOp }
  | { kind: "refused-op"; opId: string }
  | { kind: "older-chat"; page: ChatPage };

function reduce(state: LiveState, action: Action): LiveState {
  switch (action.kind) {
    case "sync":
      return applySync(state, action.result, action.at);
    case "event":
      return applyEvent(state, action.entry, action.at);
    case "local-op":
      return addPending(state, action.op);
    case "refused-op":
      return dropPending(state, action.opId);
    case "older-chat":
      return prependChat(state, action.page.messages, action.page.hasMore);
  }
}

export function newClientId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The session's durable state: synced on every (re)connect from the last applied sequence, then kept current by
 * the server's broadcasts. Commands are acknowledged only once the server has stored them.
 */
export function useLiveSession(connection: MutableRefObject<HubConnection | null>, epoch: number) {
  const [live, dispatch] = useReducer(reduce, initialLive);
  const [catchingUp, setCatchingUp] = useState(false);
  const [lastError, setLastError] = useState<string | null>(null);
  const seqRef = useRef(live.seq);
  seqRef.current = live.seq;
  const pendingRef = useRef(live.pending);
  pendingRef.current = live.pending;
  const [unsaved, setUnsaved] = useState(0);
  const activeRef = useRef(true);
  useEffect(() => {
    activeRef.current = true;
    return () => { activeRef.current = false; };
  }, []);

  /** Resends while the server answers "unavailable", counting the change as unsaved meanwhile. */
  const untilStored = useCallback(
    (send: () => Promise<CommandResult>) =>
      sendUntilStored(send, {
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        onUnsaved: (isUnsaved) => setUnsaved((n) => Math.max(0, n + (isUnsaved ? 1 : -1))),
        isActive: () => activeRef.current && connection.current?.state === "Connected",
      }),
    [connection],
  );

  const sendOp = useCallback(async (op: DiagramOp) => {
    const hub = connection.current;
    if (!hub || hub.state !== "Connected") return; // stays pending; resent after the next sync
    try {
      const result = await untilStored(() => hub.invoke<CommandResult>("SubmitOp", op));
      // Still unavailable only when the room went away mid-retry: the op stays pending for the next sync.
      if (!result.ok && result.code !== UNAVAILABLE) {
        dispatch({ kind: "refused-op", opId: op.opId });
        setLastError(result.error ?? "The server refused that change.");
      }
    } catch {
      // The connection dropped mid-call: the op stays pending and is resent after reconnecting.
    }
  }, [connection, untilStored]);

  const syncAttempt = useRef(0);
  const sync = useCallback(async () => {
    const hub = connection.current;
    if (!hub || hub.state !== "Connected") return;
    setCatchingUp(true);
    try {
      const result = await hub.invoke<SyncResult>("Sync", seqRef.current);
      syncAttempt.current = 0;
      dispatch({ kind: "sync", result, at: Date.now() });
      // Ops sent while offline (or whose acknowledgement was lost) go again; the server applies each op id once.
      for (const op of pendingRef.current) void sendOp(op);
    } catch (error) {
      const message = (error as Error).message;
      if (message.includes(UNAVAILABLE) || message.includes("rate_limited")) {
        // The server's database is down (or we asked too often): try again with backoff, the room stays as it is.
        const delay = storeRetryDelayMs(syncAttempt.current++);
        setTimeout(() => { if (activeRef.current) void syncRef.current(); }, delay);
      } else {
        setLastError(`Could not load the interview: ${message}`);
      }
    } finally {
      setCatchingUp(false);
    }
  }, [connection, sendOp]);

  const syncRef = useRef(sync);
  syncRef.current = sync;

  useEffect(() => {
    const hub = connection.current;
    if (!hub) return;
    const onEvent = (entry: SessionEventMessage) => dispatch({ kind: "event", entry, at: Date.now() });
    hub.on("Event", onEvent);
    return () => hub.off("Event", onEvent);
  }, [connection, epoch]);

  useEffect(() => {
    if (epoch > 0) void sync();
  }, [epoch, sync]);

  useEffect(() => {
    if (live.needsSync) void sync();
  }, [live.needsSync, sync]);

  const command = useCallback(
    async (method: string, ...args: unknown[]): Promise<CommandResult> => {
      const hub = connection.current;
      if (!hub || hub.state !== "Connected") {
        const result = { ok: false, code: "offline", error: "You are offline; try again once reconnected." };
        setLastError(result.error);
        return result;
      }
      try {
        // Resent with the same arguments (and so the same change id) while the server answers "unavailable".
        const result = await untilStored(() => hub.invoke<CommandResult>(method, ...args));
        setLastError(result.ok ? null : (result.error ?? "The server refused that."));
        return result;
      } catch (error) {
        const message = (error as Error).message;
        setLastError(message);
        return { ok: false, code: "error", error: message };
      }
    },
    [connection, untilStored],
  );

  const submitOp = useCallback((op: DiagramOp) => {
    dispatch({ kind: "local-op", op });
    void sendOp(op);
  }, [sendOp]);

  const loadOlderChat = useCallback(async () => {
    const hub = connection.current;
    const first = live.chat[0];
    if (!hub || hub.state !== "Connected" || !first) return;
    try {
      const page = await hub.invoke<ChatPage>("ChatBefore", first.seq);
      dispatch({ kind: "older-chat", page });
    } catch (error) {
      setLastError(`Could not load earlier messages: ${(error as Error).message}`);
    }
  }, [connection, live.chat]);

  return { live, catchingUp, unsaved, loadOlderChat, lastError, clearError: () => setLastError(null), command, submitOp };
}
