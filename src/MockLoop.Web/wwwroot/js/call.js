// The Blazor room's video call engine: media, one RTCPeerConnection per partner instance, perfect negotiation and
// recovery. The browser's WebRTC API has no C# binding, so this one ES module (no build step) does what needs it;
// the call's status machine, its words, the watchdog and the panel are C# (Room/Call). The engine reports what
// happens ("mediaReady", "link", "peerJoined", …) and its media view to .NET, and sends signalling through .NET's
// hub connection (docs/decisions/040, 097).

const storageKeys = { audioinput: "mockloop.call.microphone", videoinput: "mockloop.call.camera" };
const rejoinKey = (path) => `mockloop.call.rejoin:${path}`;
const maxSdpBytes = 32 * 1024;
const maxCandidateBytes = 2 * 1024;
const utf8Bytes = (text) => new TextEncoder().encode(text).length;

// The pure decisions below are exported for the browser tests (e2e CallEngineRulesTests), which import this module in
// chromium; the room only uses create().

/** The hub refuses an SDP over 32 KB (counted in UTF-8 bytes) or anything that is not SDP: never send one. */
export const sdpFits = (sdp) => typeof sdp === "string" && sdp.startsWith("v=0") && utf8Bytes(sdp) <= maxSdpBytes;

/** The hub refuses a candidate over 2 KB (its text, mid and username fragment, in UTF-8 bytes). */
export const candidateFits = (init) =>
  utf8Bytes(init.candidate ?? "") + utf8Bytes(init.sdpMid ?? "") + utf8Bytes(init.usernameFragment ?? "") <= maxCandidateBytes;

function storage(kind) {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

function read(store, key) {
  try {
    return store?.getItem(key) ?? "";
  } catch {
    return ""; // storage can be disabled (private mode, policies)
  }
}

function write(store, key, value) {
  try {
    if (value) store?.setItem(key, value);
    else store?.removeItem(key);
  } catch {
    // Not remembered; the choice still applies now.
  }
}

/** An instance id the hub accepts: "c" and 24 letters or digits. */
export function newCallId() {
  const random = crypto?.randomUUID ? crypto.randomUUID().replace(/-/g, "") : Math.random().toString(36).slice(2) + Date.now().toString(36);
  return `c${random.slice(0, 24)}`;
}

const audioBase = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
const videoBase = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } };
// A remembered device is asked for as "ideal" when joining (it may be gone) and as "exact" when picked from the list.
export const audioConstraints = (id, exact = false) => (id ? { ...audioBase, deviceId: exact ? { exact: id } : { ideal: id } } : { ...audioBase });
export const videoConstraints = (id, exact = false) => (id ? { ...videoBase, deviceId: exact ? { exact: id } : { ideal: id } } : { ...videoBase });

/** getUserMedia's DOMException names as a reason the C# status machine understands. */
export function classifyMediaError(error) {
  const name = error?.name ?? "";
  const detail = error?.message || name || String(error);
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

export function cameraProblem(error) {
  const { reason, detail } = classifyMediaError(error);
  if (reason === "denied") return "access is blocked (allow it in the address bar's site settings).";
  if (reason === "noDevice") return "no such device is connected.";
  if (reason === "busy") return "it is in use by another app.";
  return detail;
}

export function deviceOptions(devices, kind) {
  const noun = kind === "audioinput" ? "Microphone" : "Camera";
  return devices
    .filter((d) => d.kind === kind && d.deviceId && d.deviceId !== "default" && d.deviceId !== "communications")
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${noun} ${i + 1}` }));
}

/** The peer connection's two state machines folded into the one the call status follows. */
export function linkStateOf(connectionState, iceConnectionState) {
  if (connectionState === "connected") return "connected";
  if (connectionState === "failed" || iceConnectionState === "failed") return "failed";
  if (connectionState === "disconnected" || iceConnectionState === "disconnected") return "disconnected";
  return "connecting";
}

export function summarizeStats(entries) {
  const all = [...entries];
  const byId = new Map(all.map((s) => [s.id, s]));
  const result = { inboundAudioBytes: 0, inboundVideoBytes: 0, outboundAudioBytes: 0, outboundVideoBytes: 0, route: null };
  for (const s of all) {
    const kind = s.kind ?? s.mediaType;
    if (s.type === "inbound-rtp") {
      if (kind === "audio") result.inboundAudioBytes += Number(s.bytesReceived ?? 0);
      if (kind === "video") result.inboundVideoBytes += Number(s.bytesReceived ?? 0);
    } else if (s.type === "outbound-rtp") {
      if (kind === "audio") result.outboundAudioBytes += Number(s.bytesSent ?? 0);
      if (kind === "video") result.outboundVideoBytes += Number(s.bytesSent ?? 0);
    }
  }
  const transport = all.find((s) => s.type === "transport" && s.selectedCandidatePairId);
  const pair = (transport && byId.get(transport.selectedCandidatePairId)) ?? all.find((s) => s.type === "candidate-pair" && s.state === "succeeded" && s.nominated);
  if (pair) {
    const local = byId.get(pair.localCandidateId);
    const remote = byId.get(pair.remoteCandidateId);
    if (local || remote) result.route = local?.candidateType === "relay" || remote?.candidateType === "relay" ? "relay" : "direct";
  }
  return result;
}

/** Root mean square of 8-bit time-domain samples: 0 for silence (128), 1 for a full swing. */
export function audioLevel(samples) {
  let sum = 0;
  for (const sample of samples) sum += ((sample - 128) / 128) ** 2;
  return samples.length ? Math.sqrt(sum / samples.length) : 0;
}

/**
 * Whether someone is speaking, with hysteresis so the ring does not flicker between words: it lights at once on a
 * loud sample, stays on through soft sounds, and goes out only after 350 ms without any.
 */
export function speakingNext(level, speaking, msSinceLoud) {
  return level >= 0.045 || (speaking && level >= 0.025) ? true : speaking && msSinceLoud < 350;
}

function speakingMeter(stream, onChange) {
  const track = stream?.getAudioTracks()[0];
  const Context = window.AudioContext ?? window.webkitAudioContext;
  if (!track || !Context) return () => undefined;
  speakingMeter.context ??= new Context();
  const context = speakingMeter.context;
  if (context.state === "suspended") context.resume().catch(() => undefined);
  let source;
  try {
    source = context.createMediaStreamSource(new MediaStream([track]));
  } catch {
    return () => undefined;
  }
  const analyser = context.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Uint8Array(analyser.fftSize);
  let speaking = false;
  let lastLoudAt = -Infinity;
  const timer = setInterval(() => {
    analyser.getByteTimeDomainData(samples);
    const level = audioLevel(samples);
    const now = performance.now();
    const next = speakingNext(level, speaking, now - lastLoudAt);
    if (level >= 0.025 && next) lastLoudAt = now;
    if (next !== speaking) {
      speaking = next;
      onChange(speaking);
    }
  }, 100);
  return () => {
    clearInterval(timer);
    source.disconnect();
    if (speaking) onChange(false);
  };
}

class CallEngine {
  constructor(dotnet, path, polite) {
    this.dotnet = dotnet;
    this.path = path;
    this.polite = polite;
    this.phase = "off";
    this.pageId = newCallId();
    this.callId = null;
    // Set once the media is ready and .NET has been told: the partner's signalling is only taken from then on, so .NET
    // never hears of a link before it knows this person is in the call (it would ignore that link's reports).
    this.ready = false;
    this.partnerUserId = null;
    this.link = null;
    this.micTrack = this.camTrack = this.screenTrack = null;
    this.local = this.screen = this.remote = null;
    this.micOn = true;
    this.camOn = false;
    this.sharing = false;
    this.peerMedia = null;
    this.notice = null;
    this.microphones = [];
    this.cameras = [];
    this.choice = { microphone: read(storage("localStorage"), storageKeys.audioinput), camera: read(storage("localStorage"), storageKeys.videoinput) };
    this.route = null;
    this.speaking = { local: false, remote: false };
    this.meters = { local: () => undefined, remote: () => undefined };
    this.iceServers = null;
    this.joinToken = 0;
    this.lastStats = null;
    this.traceLines = [];
    this.disposed = false;
    this.onDeviceChange = () => void this.refreshDevices();
    this.onPageHide = () => void this.sendPresence("bye");
    navigator.mediaDevices?.addEventListener?.("devicechange", this.onDeviceChange);
    window.addEventListener("pagehide", this.onPageHide);
    // For browser tests and support: byte counters, the recent signalling steps, and an ICE restart on demand.
    window.__mockloopCall = {
      stats: () => this.stats(),
      latest: () => this.lastStats,
      trace: () => [...this.traceLines],
      restartIce: () => {
        this.log("ICE restart asked for");
        this.link?.pc.restartIce();
      },
    };
    void this.refreshDevices();
  }

  /** The signalling steps, kept for support and the browser tests, and on the console (debug level: hidden by default). */
  log(line) {
    const stamped = `${new Date().toISOString().slice(11, 23)} ${line}`;
    this.traceLines.push(stamped);
    if (this.traceLines.length > 200) this.traceLines.shift();
    console.debug(`MockLoop call [${this.polite ? "candidate" : "interviewer"}] ${stamped}`);
  }

  // ------------------------------------------------------------------ to .NET
  event(type, state = null, detail = null) {
    this.log(`event ${type}${state ? ":" + state : ""}`);
    if (!this.disposed) this.dotnet.invokeMethodAsync("OnCallEvent", type, state, detail).catch(() => undefined);
  }

  publish() {
    if (this.disposed) return;
    const view = {
      micOn: this.micOn,
      camOn: this.camOn,
      sharing: this.sharing,
      hasLocalVideo: !!this.camTrack && this.camOn,
      hasRemoteVideo: !!this.remote?.getVideoTracks().length,
      peerMedia: this.peerMedia,
      notice: this.notice,
      microphones: this.microphones,
      cameras: this.cameras,
      microphone: this.choice.microphone,
      camera: this.choice.camera,
      route: this.route,
      localSpeaking: this.speaking.local,
      remoteSpeaking: this.speaking.remote,
    };
    this.dotnet.invokeMethodAsync("OnCallView", view).catch(() => undefined);
  }

  send(method, payload) {
    this.log(`send ${method} ${payload.state ?? payload.type ?? ""} to ${payload.toCallId ?? "-"}`);
    // Offline: .NET drops it; hubReady() announces again and resends what matters once the hub is back.
    return this.dotnet.invokeMethodAsync("SendCall", method, payload).catch((error) => console.warn(`MockLoop call: ${method} failed`, error));
  }

  // ------------------------------------------------------------------ from .NET
  setPhase(phase) {
    this.phase = phase;
    if (phase === "connected") this.readRouteSoon();
    else if (this.route) {
      this.route = null;
      this.publish();
    }
  }

  /** Joins with microphone (and camera); falls back to audio only when the camera is missing or busy. */
  async join(askForVideo, intent = null) {
    if (this.disposed || this.callId || this.joining) return;
    this.joining = true;
    const withVideo = intent ? intent.camOn : askForVideo;
    const token = ++this.joinToken;
    this.notice = null;
    try {
      const media = navigator.mediaDevices;
      if (!media?.getUserMedia) return this.event("mediaFailed", "insecure");
      if (typeof RTCPeerConnection === "undefined") return this.event("mediaFailed", "unsupported");
      const constraints = (video) => ({ audio: audioConstraints(this.choice.microphone), video: video ? videoConstraints(this.choice.camera) : false });
      let stream;
      let notice = null;
      try {
        stream = await media.getUserMedia(constraints(withVideo));
      } catch (error) {
        const first = classifyMediaError(error);
        if (!withVideo || first.reason === "denied") {
          if (token === this.joinToken) this.event("mediaFailed", first.reason, first.detail);
          return;
        }
        try {
          stream = await media.getUserMedia(constraints(false));
          notice = first.reason === "busy" ? "Your camera is in use by another app, so you joined with audio only." : "No camera found, so you joined with audio only.";
        } catch (second) {
          const why = classifyMediaError(second);
          if (token === this.joinToken) this.event("mediaFailed", why.reason, why.detail);
          return;
        }
      }
      if (token !== this.joinToken || this.disposed) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this.micTrack = stream.getAudioTracks()[0] ?? null;
      this.camTrack = stream.getVideoTracks()[0] ?? null;
      this.micOn = intent?.micOn ?? true;
      this.camOn = !!this.camTrack;
      if (this.micTrack) this.micTrack.enabled = this.micOn;
      this.watchTrack(this.micTrack, "Your microphone stopped (unplugged?). Choose another below, or leave and join again.");
      this.watchTrack(this.camTrack, "Your camera stopped (unplugged?). Turn it on again, or choose another below.");
      this.callId = newCallId();
      this.sharing = false;
      this.notice = notice;
      this.publishLocal();
      this.saveIntent();
      void this.refreshDevices();
      if (this.iceServers === null) this.iceServers = await this.fetchIceServers();
      if (token !== this.joinToken || this.disposed) return;
      this.ready = true;
      this.event("mediaReady");
      this.startSampling();
      void this.sendPresence("hello");
    } finally {
      this.joining = false;
    }
  }

  /** After a reload: join again if this tab was in the call (sessionStorage, per tab). */
  rejoinIfAsked() {
    try {
      const raw = read(storage("sessionStorage"), rejoinKey(this.path));
      if (!raw) return false;
      const parsed = JSON.parse(raw);
      void this.join(parsed.camOn === true, { micOn: parsed.micOn !== false, camOn: parsed.camOn === true });
      return true;
    } catch {
      return false;
    }
  }

  leave() {
    void this.sendPresence("bye");
    this.stopEverything();
    write(storage("sessionStorage"), rejoinKey(this.path), null);
    this.notice = null;
    this.publish();
  }

  /** After a failure: a new instance id, so the partner starts over with a fresh peer connection too. */
  async retry() {
    this.dropLink();
    this.callId = newCallId();
    this.iceServers = (await this.fetchIceServers()) ?? this.iceServers;
    void this.sendPresence("hello");
  }

  toggleMic() {
    if (!this.micTrack) return;
    const on = !this.micOn;
    this.micTrack.enabled = on;
    // Replacing the track with nothing stops the audio packets altogether, not just their sound.
    void this.link?.audioSender?.replaceTrack(on ? this.micTrack : null).catch(() => undefined);
    this.micOn = on;
    this.saveIntent();
    this.publishLocal();
    void this.sendPresence("media");
  }

  async toggleCamera() {
    if (!this.callId) return;
    if (this.camOn) {
      // Off means off: the device is released (its light goes out), not just blacked out.
      this.camTrack?.stop();
      this.camTrack = null;
      this.camOn = false;
      if (!this.sharing) this.sendVideo(null);
    } else {
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(this.choice.camera) });
        this.camTrack = stream.getVideoTracks()[0] ?? null;
      } catch (error) {
        this.notice = `Could not turn the camera on: ${cameraProblem(error)}`;
        this.publish();
        return;
      }
      if (!this.callId) {
        this.camTrack?.stop();
        this.camTrack = null;
        return;
      }
      this.watchTrack(this.camTrack, "Your camera stopped (unplugged?). Turn it on again, or choose another below.");
      this.camOn = true;
      this.notice = null;
      if (!this.sharing) this.sendVideo(this.camTrack);
      void this.refreshDevices();
    }
    this.publishLocal();
    this.saveIntent();
    void this.sendPresence("media");
  }

  async shareScreen() {
    if (!this.callId || this.sharing) return;
    const media = navigator.mediaDevices;
    if (!media?.getDisplayMedia) {
      this.notice = "This browser cannot share a screen.";
      this.publish();
      return;
    }
    let track;
    try {
      const stream = await media.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
      track = stream.getVideoTracks()[0];
    } catch (error) {
      // Cancelling the browser's picker is a choice, not a problem.
      if (error?.name !== "NotAllowedError") {
        this.notice = `Could not share the screen: ${error?.message || String(error)}`;
        this.publish();
      }
      return;
    }
    if (!track) return;
    if (!this.callId) {
      track.stop();
      return;
    }
    track.contentHint = "detail";
    // The browser's own "Stop sharing" bar ends the track.
    track.addEventListener("ended", () => this.stopSharing());
    this.screenTrack = track;
    this.sharing = true;
    this.screen = new MediaStream([track]);
    this.notice = null;
    this.sendVideo(track);
    this.publish();
    this.bindMedia();
    void this.sendPresence("media");
  }

  stopSharing() {
    if (!this.screenTrack) return;
    this.screenTrack.stop();
    this.screenTrack = null;
    this.sharing = false;
    this.screen = null;
    this.sendVideo(this.camOn ? this.camTrack : null);
    this.publish();
    void this.sendPresence("media");
  }

  async chooseDevice(kind, deviceId) {
    write(storage("localStorage"), storageKeys[kind], deviceId);
    this.choice = { ...this.choice, [kind === "audioinput" ? "microphone" : "camera"]: deviceId };
    this.publish();
    try {
      if (kind === "audioinput" && this.micTrack) {
        const track = (await navigator.mediaDevices.getUserMedia({ audio: audioConstraints(deviceId, true) })).getAudioTracks()[0];
        if (!track) return;
        track.enabled = this.micOn;
        this.micTrack.stop();
        this.micTrack = track;
        this.watchTrack(track, "Your microphone stopped (unplugged?). Choose another below, or leave and join again.");
        void this.link?.audioSender?.replaceTrack(this.micOn ? track : null).catch(() => undefined);
      } else if (kind === "videoinput" && this.camTrack) {
        const track = (await navigator.mediaDevices.getUserMedia({ video: videoConstraints(deviceId, true) })).getVideoTracks()[0];
        if (!track) return;
        this.camTrack.stop();
        this.camTrack = track;
        this.watchTrack(track, "Your camera stopped (unplugged?). Turn it on again, or choose another below.");
        if (!this.sharing) this.sendVideo(track);
      } else {
        return;
      }
      this.notice = null;
      this.publishLocal();
    } catch (error) {
      this.notice = `Could not switch to that ${kind === "audioinput" ? "microphone" : "camera"}: ${cameraProblem(error)}`;
      this.publish();
    }
  }

  dismissNotice() {
    this.notice = null;
    this.publish();
  }

  /** The hub (re)connected: anything sent while it was down is lost, so announce again and resend a pending offer. */
  async hubReady(partnerUserId) {
    this.partnerUserId = partnerUserId ?? this.partnerUserId;
    if (!this.callId) {
      // Ask whether the partner is in the call, so the panel can say so before this person joins.
      void this.send("CallPresence", { callId: this.pageId, state: "probe", to: this.partnerUserId, audio: false, video: false, screen: false });
      return;
    }
    // Still joining: the hello goes out once the media is ready.
    if (!this.ready) return;
    if (this.iceServers === null) this.iceServers = await this.fetchIceServers();
    void this.sendPresence("hello");
    const link = this.link;
    if (link && link.pc.signalingState === "have-local-offer" && link.pc.localDescription) void this.sendDescription(link, link.pc.localDescription);
  }

  /** A link that cannot finish without the partner (gone offline) is dropped; .NET says "peerLeft". */
  dropHalfLink() {
    if (!this.link) return false;
    this.log(`dropping the unfinished link to ${this.link.peerCallId}: the partner is offline`);
    this.dropLink();
    return true;
  }

  /**
   * .NET has been waiting for the partner a while. Say hello again (a hello or welcome lost on the way must not leave
   * both sides waiting for ever); a link .NET has not heard of is reported again instead.
   */
  nudge() {
    if (!this.ready) return;
    const link = this.link;
    this.log(link ? `reporting the link to ${link.peerCallId} again` : "nobody linked yet: hello again");
    if (!link) {
      void this.sendPresence("hello");
      return;
    }
    this.event("peerJoined");
    if (link.lastState) this.event("link", link.lastState);
  }

  // ------------------------------------------------------------------ signalling from the partner (through .NET)
  binding() {
    return { myCallId: this.ready ? this.callId : null, peerCallId: this.link?.peerCallId ?? null };
  }

  handlePresence(message) {
    this.log(`got ${message.state} from ${message.callId} to ${message.toCallId ?? "-"}`);
    this.partnerUserId = message.from;
    const { myCallId, peerCallId } = this.binding();
    if (!myCallId) return;
    const media = { audio: message.audio, video: message.video, screen: message.screen };
    if (message.state === "probe") {
      void this.sendPresence("hello");
      return;
    }
    // A reply meant for an earlier instance of this page; a hello is for whoever is there.
    if (message.state !== "hello" && message.toCallId && message.toCallId !== myCallId) return;
    const linked = message.callId === peerCallId;
    if (message.state === "hello" && !linked) {
      this.connectTo(message.from, message.callId, media);
      void this.sendPresence("welcome");
    } else if (message.state === "hello") {
      this.peerMedia = media;
      this.publish();
      void this.sendPresence("welcome");
      // Its hub came back: what it sent meanwhile may be lost. A link that never came up is left to the watchdog.
      if (this.link?.everConnected && this.link.lastState !== "connected") this.kick();
    } else if (message.state === "welcome" && !linked) {
      this.connectTo(message.from, message.callId, media);
    } else if ((message.state === "welcome" || message.state === "media") && linked) {
      this.peerMedia = media;
      this.publish();
    } else if (message.state === "bye" && linked) {
      this.dropLink();
      this.event("peerLeft");
    }
  }

  handleDescription(message) {
    this.partnerUserId = message.from;
    const { myCallId, peerCallId } = this.binding();
    if (!myCallId || message.toCallId !== myCallId || (message.type !== "offer" && message.type !== "answer")) return;
    if (message.callId !== peerCallId) {
      // From an instance not linked yet (its hello may have been lost while the hub reconnected): link first.
      if (message.type !== "offer") return;
      this.connectTo(message.from, message.callId, null);
      void this.sendPresence("media");
    }
    const link = this.link;
    link.queue = link.queue.then(() => this.applyDescription(link, message)).catch((error) => {
      console.warn("MockLoop call: could not apply the partner's description", error);
    });
  }

  handleCandidate(message) {
    const { myCallId, peerCallId } = this.binding();
    if (!myCallId || message.toCallId !== myCallId || message.callId !== peerCallId) return;
    const link = this.link;
    link.queue = link.queue.then(async () => {
      if (link !== this.link) return;
      try {
        await link.pc.addIceCandidate({
          candidate: message.candidate,
          sdpMid: message.sdpMid,
          sdpMLineIndex: message.sdpMLineIndex,
          usernameFragment: message.usernameFragment,
        });
      } catch (error) {
        // Candidates for an offer this side ignored in a collision are expected to fail.
        if (!link.ignoreOffer) console.warn("MockLoop call: could not add an ICE candidate", error);
      }
    });
  }

  // ------------------------------------------------------------------ the peer connection
  connectTo(peerUserId, peerCallId, media) {
    this.log(`link to ${peerCallId} (me ${this.callId})`);
    this.dropLink();
    // One transport for audio and video from the first offer: fewer candidates, nothing to undo in a rollback.
    const pc = new RTCPeerConnection({ iceServers: this.iceServers ?? [], bundlePolicy: "max-bundle" });
    const link = {
      pc, peerUserId, peerCallId, makingOffer: false, ignoreOffer: false, settingRemoteAnswer: false, queue: Promise.resolve(),
      sending: false, audioSender: null, videoSender: null, lastState: null, everConnected: false,
    };
    this.link = link;
    this.remote = null;
    this.peerMedia = media ?? { audio: true, video: true, screen: false };
    // Only the impolite side (the interviewer) opens with an offer; the polite side adds its tracks when that offer
    // arrives (two first offers made Chromium stop gathering on the side that rolled back: ADR 040).
    if (!this.polite) this.attachTracks(link);

    pc.ontrack = ({ track }) => {
      if (link !== this.link) return;
      const tracks = (this.remote?.getTracks() ?? []).filter((t) => t.kind !== track.kind);
      this.remote = new MediaStream([...tracks, track]);
      track.addEventListener("unmute", () => this.publish());
      this.watchSpeaking("remote", this.remote);
      this.publish();
      this.bindMedia();
    };
    pc.onnegotiationneeded = async () => {
      if (link !== this.link) return;
      try {
        link.makingOffer = true;
        await pc.setLocalDescription();
        // A polite peer may have rolled this offer back for the partner's meanwhile: then there is nothing to send.
        if (pc.signalingState === "have-local-offer" && pc.localDescription?.type === "offer") await this.sendDescription(link, pc.localDescription);
      } catch (error) {
        console.warn("MockLoop call: could not make an offer", error);
      } finally {
        link.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (link !== this.link || !candidate || !candidate.candidate) return;
      const init = candidate.toJSON();
      if (!candidateFits(init)) return;
      void this.send("CallCandidate", {
        callId: this.callId, toCallId: link.peerCallId, to: link.peerUserId, candidate: init.candidate ?? "",
        sdpMid: init.sdpMid ?? null, sdpMLineIndex: init.sdpMLineIndex ?? null, usernameFragment: init.usernameFragment ?? null,
      });
    };
    const onState = () => {
      if (link !== this.link) return;
      const state = linkStateOf(pc.connectionState, pc.iceConnectionState);
      if (state === link.lastState) return;
      link.lastState = state;
      if (state === "connected") link.everConnected = true;
      this.event("link", state);
    };
    pc.oniceconnectionstatechange = onState;
    pc.onconnectionstatechange = onState;
    this.publish();
    this.event("peerJoined");
  }

  /** Perfect negotiation (W3C WebRTC, §10.7): the impolite side ignores a colliding offer, the polite side yields. */
  async applyDescription(link, message) {
    if (link !== this.link) return;
    const pc = link.pc;
    const readyForOffer = !link.makingOffer && (pc.signalingState === "stable" || link.settingRemoteAnswer);
    const collision = message.type === "offer" && !readyForOffer;
    link.ignoreOffer = !this.polite && collision;
    this.log(`apply ${message.type} in ${pc.signalingState}${collision ? " (collision)" : ""}`);
    if (link.ignoreOffer) return;
    link.settingRemoteAnswer = message.type === "answer";
    try {
      await pc.setRemoteDescription({ type: message.type, sdp: message.sdp });
    } finally {
      link.settingRemoteAnswer = false;
    }
    if (message.type === "offer" && link === this.link) {
      if (!link.sending) this.attachTracks(link);
      await pc.setLocalDescription();
      if (pc.localDescription) await this.sendDescription(link, pc.localDescription);
    }
  }

  /**
   * One more try at a link that is down (.NET's status machine says when). A link that never came up starts over
   * with a new instance id; a link that worked resends a lost offer or restarts ICE.
   */
  kick() {
    const link = this.link;
    if (!link) {
      void this.sendPresence("hello");
      return;
    }
    const pc = link.pc;
    if (!link.everConnected) {
      this.log("starting over with a new link");
      this.dropLink();
      this.callId = newCallId();
      void this.sendPresence("hello");
    } else if (pc.signalingState === "have-local-offer" && pc.localDescription) {
      void this.sendDescription(link, pc.localDescription);
    } else if (pc.signalingState === "stable") {
      pc.restartIce();
    }
  }

  attachTracks(link) {
    link.sending = true;
    if (this.micTrack) {
      link.audioSender = link.pc.addTrack(this.micTrack);
      if (!this.micOn) void link.audioSender.replaceTrack(null).catch(() => undefined);
    }
    const video = this.screenTrack ?? (this.camOn ? this.camTrack : null);
    if (video) link.videoSender = link.pc.addTrack(video);
  }

  /** Sends a different picture (camera, screen or nothing) without renegotiating when a video sender exists. */
  sendVideo(track) {
    const link = this.link;
    if (!link || !link.sending) return;
    if (link.videoSender) void link.videoSender.replaceTrack(track).catch((error) => console.warn("MockLoop call: replaceTrack failed", error));
    else if (track) link.videoSender = link.pc.addTrack(track);
  }

  readRouteSoon() {
    clearTimeout(this.routeTimer);
    this.routeTimer = setTimeout(async () => {
      const link = this.link;
      if (!link || this.phase !== "connected") return;
      try {
        const stats = summarizeStats((await link.pc.getStats()).values());
        if (link === this.link) {
          this.route = stats.route;
          this.publish();
        }
      } catch {
        // Only a label.
      }
    }, 1000);
  }

  dropLink() {
    clearTimeout(this.routeTimer);
    const link = this.link;
    this.link = null;
    if (link) {
      link.pc.ontrack = link.pc.onnegotiationneeded = link.pc.onicecandidate = null;
      link.pc.oniceconnectionstatechange = link.pc.onconnectionstatechange = null;
      link.pc.close();
    }
    this.remote = null;
    this.peerMedia = null;
    this.route = null;
    this.watchSpeaking("remote", null);
    this.publish();
  }

  stopEverything() {
    this.joinToken++;
    this.ready = false;
    clearInterval(this.sampler);
    this.lastStats = null;
    this.dropLink();
    for (const track of [this.micTrack, this.camTrack, this.screenTrack]) track?.stop();
    this.micTrack = this.camTrack = this.screenTrack = null;
    this.callId = null;
    this.local = this.screen = null;
    this.sharing = this.camOn = false;
    this.watchSpeaking("local", null);
  }

  publishLocal() {
    const tracks = [this.micTrack, this.camTrack].filter((t) => t !== null && t.readyState === "live");
    this.local = tracks.length ? new MediaStream(tracks) : null;
    this.watchSpeaking("local", this.micOn ? this.local : null);
    this.publish();
    this.bindMedia();
  }

  watchSpeaking(which, stream) {
    this.meters[which]();
    this.meters[which] = speakingMeter(stream, (speaking) => {
      this.speaking[which] = speaking;
      this.publish();
    });
    if (!stream && this.speaking[which]) this.speaking[which] = false;
  }

  watchTrack(track, message) {
    track?.addEventListener("ended", () => {
      if (track !== this.micTrack && track !== this.camTrack) return;
      if (track === this.camTrack) {
        this.camTrack = null;
        this.camOn = false;
        if (!this.sharing) this.sendVideo(null);
        void this.sendPresence("media");
      }
      this.notice = message;
      this.publishLocal();
    });
  }

  saveIntent() {
    write(storage("sessionStorage"), rejoinKey(this.path), JSON.stringify({ micOn: this.micOn, camOn: this.camOn }));
  }

  async refreshDevices() {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return;
    try {
      const devices = await media.enumerateDevices();
      this.microphones = deviceOptions(devices, "audioinput");
      this.cameras = deviceOptions(devices, "videoinput");
      const local = storage("localStorage");
      const stored = { microphone: read(local, storageKeys.audioinput), camera: read(local, storageKeys.videoinput) };
      // Before permission the list is anonymous: keep the remembered id until the devices can be matched.
      const pick = (options, remembered) => (!options.length || options.some((o) => o.deviceId === remembered) ? remembered : "");
      this.choice = { microphone: pick(this.microphones, stored.microphone), camera: pick(this.cameras, stored.camera) };
      this.publish();
    } catch {
      // Only the lists stay empty.
    }
  }

  /** Puts the streams into the panel's media elements (Razor renders them; the streams live here). */
  bindMedia(container = this.container) {
    this.container = container;
    if (!container) return;
    const set = (selector, stream) => {
      const element = container.querySelector(selector);
      if (!element || element.srcObject === stream) return;
      element.srcObject = stream;
      if (stream) element.play().catch((error) => {
        if (selector === "audio" && error?.name === "NotAllowedError") this.dotnet.invokeMethodAsync("OnAudioBlocked").catch(() => undefined);
      });
    };
    set("video[data-stream=remote]", this.remote);
    set("audio[data-stream=remote]", this.remote);
    set("video[data-stream=self]", this.camOn ? this.local : null);
    set("video[data-stream=screen]", this.screen);
  }

  playRemoteAudio() {
    this.container?.querySelector("audio[data-stream=remote]")?.play().catch(() => undefined);
  }

  fullScreen() {
    this.container?.querySelector("video[data-stream=remote]")?.requestFullscreen?.().catch(() => undefined);
  }

  async fetchIceServers() {
    try {
      const servers = await this.dotnet.invokeMethodAsync("IceServers");
      return servers ? servers.map((s) => ({ urls: s.urls, username: s.username ?? undefined, credential: s.credential ?? undefined })) : null;
    } catch (error) {
      console.warn("MockLoop call: no ICE servers", error);
      return null;
    }
  }

  sendPresence(state) {
    if (!this.callId) return Promise.resolve();
    return this.send("CallPresence", {
      callId: this.callId,
      state,
      to: this.partnerUserId,
      // A hello is for whichever instance of the partner's page is there; the rest are for the linked one.
      toCallId: state === "hello" ? null : (this.link?.peerCallId ?? null),
      audio: this.micOn,
      video: this.sharing || this.camOn,
      screen: this.sharing,
    });
  }

  sendDescription(link, description) {
    if (!sdpFits(description.sdp) || !this.callId) {
      console.warn("MockLoop call: not sending a description");
      return Promise.resolve();
    }
    return this.send("CallDescription", { callId: this.callId, toCallId: link.peerCallId, to: link.peerUserId, type: description.type, sdp: description.sdp });
  }

  async stats() {
    const link = this.link;
    const summary = link
      ? summarizeStats((await link.pc.getStats()).values())
      : { inboundAudioBytes: 0, inboundVideoBytes: 0, outboundAudioBytes: 0, outboundVideoBytes: 0, route: null };
    return {
      ...summary,
      phase: this.phase,
      connectionState: link?.pc.connectionState ?? null,
      iceConnectionState: link?.pc.iceConnectionState ?? null,
      signalingState: link?.pc.signalingState ?? null,
      micOn: this.micOn,
      camOn: this.camOn,
      sharing: this.sharing,
      at: Date.now(),
    };
  }

  startSampling() {
    clearInterval(this.sampler);
    this.sampler = setInterval(() => {
      this.stats().then((sample) => (this.lastStats = sample), () => undefined);
    }, 500);
  }

  dispose() {
    void this.sendPresence("bye");
    this.stopEverything();
    this.disposed = true;
    navigator.mediaDevices?.removeEventListener?.("devicechange", this.onDeviceChange);
    window.removeEventListener("pagehide", this.onPageHide);
    if (window.__mockloopCall?.stats) delete window.__mockloopCall;
  }
}

/** Made by the call panel once the room knows its seat; the candidate is the polite peer. */
export function create(dotnet, path, polite) {
  return new CallEngine(dotnet, path, polite);
}
