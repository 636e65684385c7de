import { describe, expect, it } from "vitest";
import {
  classifyMediaError,
  deviceOptions,
  loadDeviceChoice,
  loadRejoin,
  mediaConstraints,
  pickDevice,
  saveDeviceChoice,
  saveRejoin,
} from "./devices";

class MemoryStore {
  values = new Map<string, string>();
  getItem(key: string) { return this.values.get(key) ?? null; }
  setItem(key: string, value: string) { this.values.set(key, value); }
  removeItem(key: string) { this.values.delete(key); }
}

const devices = [
  { deviceId: "default", kind: "audioinput", label: "Default" },
  { deviceId: "mic-a", kind: "audioinput", label: "Headset" },
  { deviceId: "mic-b", kind: "audioinput", label: "" },
  { deviceId: "cam-a", kind: "videoinput", label: "FaceTime HD" },
  { deviceId: "spk", kind: "audiooutput", label: "Speakers" },
];

describe("devices", () => {
  it("lists each kind without the default pseudo-device and numbers unnamed ones", () => {
    expect(deviceOptions(devices, "audioinput")).toEqual([
      { deviceId: "mic-a", label: "Headset" },
      { deviceId: "mic-b", label: "Microphone 2" },
    ]);
    expect(deviceOptions(devices, "videoinput").map((d) => d.deviceId)).toEqual(["cam-a"]);
  });

  it("remembers the choice and falls back to the default when that device is gone", () => {
    const store = new MemoryStore();
    saveDeviceChoice(store, "audioinput", "mic-b");
    saveDeviceChoice(store, "videoinput", "cam-gone");
    const choice = loadDeviceChoice(store);
    expect(choice).toEqual({ microphone: "mic-b", camera: "cam-gone" });
    expect(pickDevice(deviceOptions(devices, "audioinput"), choice.microphone)).toBe("mic-b");
    expect(pickDevice(deviceOptions(devices, "videoinput"), choice.camera)).toBe("");
    saveDeviceChoice(store, "audioinput", "");
    expect(loadDeviceChoice(store).microphone).toBe("");
  });

  it("survives storage that throws", () => {
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("denied"); }, removeItem: () => undefined };
    expect(loadDeviceChoice(broken)).toEqual({ microphone: "", camera: "" });
    expect(() => saveDeviceChoice(broken, "audioinput", "x")).not.toThrow();
  });

  it("asks for the remembered devices as ideal, and for no camera when joining audio only", () => {
    const c = mediaConstraints(true, { microphone: "mic-a", camera: "cam-a" });
    expect(c.audio).toMatchObject({ deviceId: { ideal: "mic-a" }, echoCancellation: true });
    expect(c.video).toMatchObject({ deviceId: { ideal: "cam-a" } });
    expect(mediaConstraints(false, { microphone: "", camera: "cam-a" }).video).toBe(false);
  });

  it("turns getUserMedia errors into reasons a person can act on", () => {
    expect(classifyMediaError({ name: "NotAllowedError", message: "Permission denied" }).reason).toBe("denied");
    expect(classifyMediaError({ name: "NotFoundError" }).reason).toBe("noDevice");
    expect(classifyMediaError({ name: "NotReadableError" }).reason).toBe("busy");
    expect(classifyMediaError(new Error("strange"))).toEqual({ reason: "other", detail: "strange" });
  });

  it("keeps what the tab was doing in the call for a reload, and forgets it on leave", () => {
    const store = new MemoryStore();
    expect(loadRejoin(store, "/s/1")).toBeNull();
    saveRejoin(store, "/s/1", { micOn: false, camOn: true });
    expect(loadRejoin(store, "/s/1")).toEqual({ micOn: false, camOn: true });
    expect(loadRejoin(store, "/s/2")).toBeNull();
    saveRejoin(store, "/s/1", null);
    expect(loadRejoin(store, "/s/1")).toBeNull();
    store.setItem("mockloop.call.rejoin:/s/3", "{not json");
    expect(loadRejoin(store, "/s/3")).toBeNull();
  });
});
