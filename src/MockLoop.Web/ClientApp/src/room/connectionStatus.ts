// What the person sees about their own link to the server, derived from SignalR's events.

export type ConnectionPhase = "connecting" | "connected" | "reconnecting" | "offline" | "refused";

export interface ConnectionStatus {
  phase: ConnectionPhase;
  /** A sentence for the person when something is wrong. */
  detail?: string;
}

export const connectionLabel: Record<ConnectionPhase, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  refused: "Not allowed",
};

/**
 * Turns a failed start into a status. The server's membership gate answers 401/403 before SignalR
 * negotiates; those are final (retrying cannot help), anything else is a network problem worth retrying.
 */
export function statusFromStartError(error: unknown): ConnectionStatus {
  const statusCode = (error as { statusCode?: number } | null)?.statusCode;
  if (statusCode === 401) {
    return { phase: "refused", detail: "Your sign-in has expired. Sign in again to rejoin this interview." };
  }
  if (statusCode === 403) {
    return { phase: "refused", detail: "You are not a participant in this interview." };
  }
  if (statusCode === 400 || statusCode === 404) {
    return { phase: "refused", detail: "This interview link is not valid." };
  }
  return { phase: "offline", detail: "Cannot reach MockLoop. Retrying…" };
}

export const isFinal = (status: ConnectionStatus) => status.phase === "refused";

/** Delays between reconnect attempts: quick at first, then every 10 s, forever (the room never gives up). */
export function reconnectDelayMs(previousRetryCount: number): number {
  const schedule = [0, 1000, 2000, 5000];
  return previousRetryCount < schedule.length ? schedule[previousRetryCount] : 10000;
}
