import { describe, expect, it } from "vitest";
import { type CallEvent, type CallStatus, callOff, describeCall, inCall, maxAttempts, nextStatus, shouldKick } from "./callStatus";

const run = (...events: CallEvent[]) => events.reduce<CallStatus>(nextStatus, callOff);
const connected = () => run({ type: "join" }, { type: "mediaReady" }, { type: "peerJoined" }, { type: "link", state: "connected" });
const ctx = { partnerName: "Ivy", partnerOnline: true, peerInCall: false };

describe("call status", () => {
  it("is off until the person joins, then asks for media and waits for the partner", () => {
    expect(callOff.phase).toBe("off");
    expect(run({ type: "join" }).phase).toBe("requesting");
    expect(run({ type: "join" }, { type: "mediaReady" }).phase).toBe("waiting");
    expect(inCall("waiting")).toBe(true);
    expect(inCall("requesting")).toBe(false);
  });

  it("ignores the partner while not in the call", () => {
    expect(run({ type: "peerJoined" }).phase).toBe("off");
    expect(run({ type: "link", state: "connected" }).phase).toBe("off");
  });

  it("tells a blocked permission from a missing or busy device, and lets the person try again", () => {
    const denied = run({ type: "join" }, { type: "mediaFailed", reason: "denied" });
    expect(denied.phase).toBe("denied");
    expect(run({ type: "join" }, { type: "mediaFailed", reason: "noDevice" }).phase).toBe("noDevice");
    const busy = run({ type: "join" }, { type: "mediaFailed", reason: "busy", detail: "Device in use" });
    expect(busy).toMatchObject({ phase: "mediaError", failure: "busy" });
    expect(nextStatus(denied, { type: "join" }).phase).toBe("requesting");
    expect(describeCall(denied, ctx)).toMatchObject({ action: "retryMedia" });
    expect(describeCall(denied, ctx).detail).toMatch(/address bar/);
    const old = run({ type: "join" }, { type: "mediaFailed", reason: "unsupported" });
    expect(describeCall(old, ctx).title).toBe("This browser cannot make video calls");
    expect(describeCall(busy, ctx).title).toMatch(/busy/);
  });

  it("connects once the partner is there, and goes back to waiting when they leave", () => {
    const linked = connected();
    expect(linked).toMatchObject({ phase: "connected", wasConnected: true, attempts: 0 });
    expect(nextStatus(linked, { type: "peerLeft" }).phase).toBe("waiting");
  });

  it("shows reconnecting on a drop and restarts ICE when the link fails or stalls", () => {
    const dropped = nextStatus(connected(), { type: "link", state: "disconnected" });
    expect(dropped.phase).toBe("reconnecting");
    expect(shouldKick(connected(), dropped)).toBe(false);
    const failed = nextStatus(dropped, { type: "link", state: "failed" });
    expect(failed).toMatchObject({ phase: "reconnecting", attempts: 1 });
    expect(shouldKick(dropped, failed)).toBe(true);
    const back = nextStatus(failed, { type: "link", state: "connected" });
    expect(back).toMatchObject({ phase: "connected", attempts: 0 });
  });

  it("keeps saying connecting (not reconnecting) for a link that never came up", () => {
    const first = run({ type: "join" }, { type: "mediaReady" }, { type: "peerJoined" }, { type: "stalled" });
    expect(first).toMatchObject({ phase: "connecting", attempts: 1 });
    expect(describeCall(first, ctx).detail).toMatch(/attempt 2/);
  });

  it("counts a fresh link made while still connecting as the same call's next attempt", () => {
    const stalled = run({ type: "join" }, { type: "mediaReady" }, { type: "peerJoined" }, { type: "stalled" });
    expect(nextStatus(stalled, { type: "peerJoined" })).toMatchObject({ phase: "connecting", attempts: 1 });
    const dropped = nextStatus(connected(), { type: "link", state: "disconnected" });
    expect(nextStatus(dropped, { type: "peerJoined" })).toMatchObject({ phase: "connecting", attempts: 0 });
  });

  it("gives up after a few attempts and offers a retry that starts over", () => {
    let status = nextStatus(connected(), { type: "link", state: "disconnected" });
    for (let i = 0; i < maxAttempts; i++) status = nextStatus(status, { type: "stalled" });
    expect(status.phase).toBe("reconnecting");
    status = nextStatus(status, { type: "stalled" });
    expect(status.phase).toBe("failed");
    expect(describeCall(status, ctx).action).toBe("retry");
    expect(nextStatus(status, { type: "stalled" })).toBe(status);
    expect(nextStatus(status, { type: "retry" })).toMatchObject({ phase: "connecting", attempts: 0 });
  });

  it("a failed link that recovers by itself is connected again", () => {
    let status = connected();
    for (let i = 0; i <= maxAttempts; i++) status = nextStatus(status, { type: "link", state: "failed" });
    expect(status.phase).toBe("failed");
    expect(nextStatus(status, { type: "link", state: "connected" }).phase).toBe("connected");
  });

  it("leaving from anywhere turns the call off", () => {
    expect(nextStatus(connected(), { type: "leave" })).toBe(callOff);
  });

  it("explains waiting by where the partner is", () => {
    const waiting = run({ type: "join" }, { type: "mediaReady" });
    expect(describeCall(waiting, ctx).detail).toMatch(/in the room but has not joined/);
    expect(describeCall(waiting, { ...ctx, partnerOnline: false }).detail).toMatch(/offline/);
    expect(describeCall(waiting, { ...ctx, partnerName: null }).detail).toMatch(/invite link/);
    expect(describeCall(waiting, { ...ctx, peerLeft: true }).title).toBe("Ivy left the call");
    expect(describeCall(waiting, { ...ctx, peerLeft: true, partnerOnline: false }).title).toBe("Ivy dropped out");
  });

  it("invites to join when the partner is already in the call", () => {
    const text = describeCall(callOff, { ...ctx, peerInCall: true });
    expect(text.title).toBe("Ivy is in the call");
    expect(text.action).toBe("join");
  });
});
