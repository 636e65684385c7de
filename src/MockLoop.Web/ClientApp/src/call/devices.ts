// Choosing and remembering devices, building getUserMedia constraints, and turning the browser's errors into
// something a person can act on. Pure: the storage and the device list are passed in.
import type { MediaFailure } from "./callStatus";

export type DeviceKind = "audioinput" | "videoinput";

export interface DeviceOption {
  deviceId: string;
  label: string;
}

export interface DeviceChoice {
  microphone: string;
  camera: string;
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const storageKey: Record<DeviceKind, string> = {
  audioinput: "mockloop.call.microphone",
  videoinput: "mockloop.call.camera",
};

/** Device ids the person chose before; "" is the system default. */
export function loadDeviceChoice(store: KeyValueStore | null): DeviceChoice {
  const read = (key: string) => {
    try {
      return store?.getItem(key) ?? "";
    } catch {
      return ""; // storage can be disabled (private mode, policies)
    }
  };
  return { microphone: read(storageKey.audioinput), camera: read(storageKey.videoinput) };
}

export function saveDeviceChoice(store: KeyValueStore | null, kind: DeviceKind, deviceId: string) {
  try {
    if (deviceId) store?.setItem(storageKey[kind], deviceId);
    else store?.removeItem(storageKey[kind]);
  } catch {
    // Not remembered; the choice still applies to this call.
  }
}

/**
 * The options for one select. Browsers hide labels until a permission is granted, so unnamed devices get a number;
 * the "default" pseudo-device is left out (the empty choice stands for it).
 */
export function deviceOptions(devices: ReadonlyArray<{ deviceId: string; kind: string; label: string }>, kind: DeviceKind): DeviceOption[] {
  const noun = kind === "audioinput" ? "Microphone" : "Camera";
  return devices
    .filter((d) => d.kind === kind && d.deviceId && d.deviceId !== "default" && d.deviceId !== "communications")
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${noun} ${i + 1}` }));
}

/** The remembered device if it is still plugged in, otherwise the default (""). */
export function pickDevice(options: DeviceOption[], remembered: string): string {
  return options.some((o) => o.deviceId === remembered) ? remembered : "";
}

const audioBase = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
const videoBase = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } };

/**
 * A remembered device is asked for as "ideal" when joining (it may be gone; the call should still start) and as
 * "exact" when the person picks one from the list (they want that one, or to hear why not).
 */
export function audioConstraints(deviceId: string, exact = false): MediaTrackConstraints {
  return deviceId ? { ...audioBase, deviceId: exact ? { exact: deviceId } : { ideal: deviceId } } : { ...audioBase };
}

export function videoConstraints(deviceId: string, exact = false): MediaTrackConstraints {
  return deviceId ? { ...videoBase, deviceId: exact ? { exact: deviceId } : { ideal: deviceId } } : { ...videoBase };
}

export function mediaConstraints(withVideo: boolean, choice: DeviceChoice): MediaStreamConstraints {
  return { audio: audioConstraints(choice.microphone), video: withVideo ? videoConstraints(choice.camera) : false };
}

/** getUserMedia's DOMException names, as a reason the status machine understands. */
export function classifyMediaError(error: unknown): { reason: MediaFailure; detail: string } {
  const name = (error as { name?: string } | null)?.name ?? "";
  const detail = (error as { message?: string } | null)?.message || name || String(error);
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return { reason: "denied", detail };
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return { reason: "noDevice", detail };
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return { reason: "busy", detail };
    default:
      return { reason: "other", detail };
  }
}

/** What this tab was doing in the call, kept for the tab's life (sessionStorage) so a reload rejoins by itself. */
export interface RejoinIntent {
  micOn: boolean;
  /** Whether to ask for the camera again (false after joining audio only or turning the camera off). */
  camOn: boolean;
}

export const rejoinKey = (path: string) => `mockloop.call.rejoin:${path}`;

export function loadRejoin(store: KeyValueStore | null, path: string): RejoinIntent | null {
  try {
    const raw = store?.getItem(rejoinKey(path));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<RejoinIntent>;
    return { micOn: parsed.micOn !== false, camOn: parsed.camOn === true };
  } catch {
    return null;
  }
}

export function saveRejoin(store: KeyValueStore | null, path: string, intent: RejoinIntent | null) {
  try {
    if (intent) store?.setItem(rejoinKey(path), JSON.stringify(intent));
    else store?.removeItem(rejoinKey(path));
  } catch {
    // Without storage a reload just leaves the call; the person joins again.
  }
}
