import { type MutableRefObject, useEffect, useRef, useState } from "react";
import type { HubConnection } from "@microsoft/signalr";
import { CallController, type CallView } from "./callController";
import type { CallCandidateMessage, CallDescriptionMessage, CallPresenceMessage, Role } from "./callTypes";

declare global {
  interface Window {
    /**
     * For browser tests and support: the call's byte counters and state, fresh (`await __mockloopCall.stats()`) or
     * as last sampled (`__mockloopCall.latest()`), the recent signalling steps (`__mockloopCall.trace()`), and an
     * ICE restart as a network change would start one (`__mockloopCall.restartIce()`).
     */
    __mockloopCall?: {
      stats: CallController["stats"];
      latest: CallController["latestStats"];
      trace: CallController["trace"];
      restartIce: CallController["restartIce"];
    };
  }
}

function storage(kind: "localStorage" | "sessionStorage"): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

/** One call controller for the room page, wired to the room's hub connection and the partner's presence. */
export function useCall(
  connection: MutableRefObject<HubConnection | null>,
  epoch: number,
  myRole: Role | null,
  partnerOnline: boolean,
): { view: CallView | null; controller: CallController | null } {
  const roleRef = useRef(myRole);
  roleRef.current = myRole;
  const [controller, setController] = useState<CallController | null>(null);
  const [view, setView] = useState<CallView | null>(null);

  useEffect(() => {
    const created = new CallController({
      hub: () => connection.current,
      role: () => roleRef.current,
      path: window.location.pathname,
      local: storage("localStorage"),
      session: storage("sessionStorage"),
    });
    setController(created);
    setView(created.getView());
    const unsubscribe = created.subscribe(() => setView(created.getView()));
    window.__mockloopCall = { stats: created.stats, latest: created.latestStats, trace: created.trace, restartIce: created.restartIce };
    return () => {
      unsubscribe();
      created.dispose();
      if (window.__mockloopCall?.stats) delete window.__mockloopCall;
    };
  }, [connection]);

  // The hub keeps one connection object across reconnects; handlers are renewed per epoch like the live session's.
  useEffect(() => {
    const hub = connection.current;
    if (!hub || !controller) return;
    const onPresence = (m: CallPresenceMessage) => controller.handlePresence(m);
    const onDescription = (m: CallDescriptionMessage) => controller.handleDescription(m);
    const onCandidate = (m: CallCandidateMessage) => controller.handleCandidate(m);
    hub.on("CallPresence", onPresence);
    hub.on("CallDescription", onDescription);
    hub.on("CallCandidate", onCandidate);
    if (epoch > 0) void controller.hubReady();
    return () => {
      hub.off("CallPresence", onPresence);
      hub.off("CallDescription", onDescription);
      hub.off("CallCandidate", onCandidate);
    };
  }, [connection, controller, epoch]);

  useEffect(() => {
    controller?.setPartnerOnline(partnerOnline);
  }, [controller, partnerOnline]);

  // A reload rejoins once the room knows our seat (it decides who is the polite peer).
  const rejoined = useRef(false);
  useEffect(() => {
    if (!controller || !myRole || rejoined.current) return;
    rejoined.current = true;
    controller.rejoinIfAsked();
  }, [controller, myRole]);

  return { view, controller };
}
