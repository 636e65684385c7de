// The call between the two browsers: media, one RTCPeerConnection per partner instance, perfect negotiation over
// the room's hub, and recovery (ICE restarts, lost offers, reloads). Not React: the panel subscribes to its view.
import type { HubConnection } from "@microsoft/signalr";
import { type CallEvent, type CallStatus, callOff, inCall, nextStatus, shouldKick } from "./callStatus";
import { type CallStats, summarizeStats } from "./callStats";
import type {
  CallCandidateMessage,
  CallDescriptionMessage,
  CallPresenceMessage,
  CallPresenceRequest,
  CallResult,
  IceServerView,
  PresenceState,
  Role,
} from "./callTypes";
import {
  type DeviceChoice,
  type DeviceKind,
  type DeviceOption,
  type RejoinIntent,
  audioConstraints,
  classifyMediaError,
  deviceOptions,
  loadDeviceChoice,
  loadRejoin,
  mediaConstraints,
  pickDevice,
  saveDeviceChoice,
  saveRejoin,
  videoConstraints,
} from "./devices";
import {
  type Binding,
  acceptCandidate,
  checkCandidate,
  checkDescription,
  decideDescription,
  decidePresence,
  isPolite,
  linkStateOf,
  newCallId,
  peerInCallAfter,
} from "./negotiation";

export interface PeerMedia {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

export interface CallView {
  status: CallStatus;
  /** The partner said they are in the call (shown before joining). */
  peerInCall: boolean;
  /** The partner hung up (rather than never having joined): "left the call". */
  peerLeft: boolean;
  local: MediaStream | null;
  screen: MediaStream | null;
  remote: MediaStream | null;
  micOn: boolean;
  camOn: boolean;
  sharing: boolean;
  peerMedia: PeerMedia | null;
  /** A problem that does not change the call's status (a camera that would not turn on, an audio-only fallback). */
  notice: string | null;
  microphones: DeviceOption[];
  cameras: DeviceOption[];
  choice: DeviceChoice;
  route: "direct" | "relay" | null;
}

export type CallSample = CallStats & {
  phase: string;
  connectionState: string | null;
  iceConnectionState: string | null;
  signalingState: string | null;
  micOn: boolean;
  camOn: boolean;
  sharing: boolean;
  /** When it was read (Date.now()). */
  at: number;
};

export interface CallControllerOptions {
  hub(): HubConnection | null;
  role(): Role | null;
  /** The page's path: a reload of the same room rejoins (per tab, via sessionStorage). */
  path: string;
  local: Storage | null;
  session: Storage | null;
}

/** Everything about one link to one instance of the partner's page. Replaced, never reused, when that changes. */
interface Link {
  pc: RTCPeerConnection;
  peerUserId: string;
  peerCallId: string;
  makingOffer: boolean;
  ignoreOffer: boolean;
  settingRemoteAnswer: boolean;
  queue: Promise<void>;
  /** Our tracks are on the connection. The polite side adds them only once the first offer is in (see connectTo). */
  sending: boolean;
  audioSender: RTCRtpSender | null;
  videoSender: RTCRtpSender | null;
  lastState: string | null;
  everConnected: boolean;
}

const watchdogMs = 10_000;
const disconnectGraceMs = 4_000;

export class CallController {
  private view: CallView;
  private readonly listeners = new Set<() => void>();
  private callId: string | null = null;
  /** Names this page in a probe, sent while it is not in the call. */
  private readonly pageId = newCallId();
  private partnerUserId: string | null = null;
  private partnerOnline = false;
  private link: Link | null = null;
  private micTrack: MediaStreamTrack | null = null;
  private camTrack: MediaStreamTrack | null = null;
  private screenTrack: MediaStreamTrack | null = null;
  private iceServers: RTCIceServer[] | null = null;
  private joinToken = 0;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private routeTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private sampler: ReturnType<typeof setInterval> | undefined;
  private lastStats: CallSample | null = null;
  /** The last signalling steps, for diagnosing a call that will not connect (`__mockloopCall.trace()`). */
  private readonly traceLines: string[] = [];

  constructor(private readonly options: CallControllerOptions) {
    this.view = {
      status: callOff,
      peerInCall: false,
      peerLeft: false,
      local: null,
      screen: null,
      remote: null,
      micOn: true,
      camOn: false,
      sharing: false,
      peerMedia: null,
      notice: null,
      microphones: [],
      cameras: [],
      choice: loadDeviceChoice(options.local),
      route: null,
    };
    navigator.mediaDevices?.addEventListener?.("devicechange", this.onDeviceChange);
    window.addEventListener("pagehide", this.onPageHide);
    void this.refreshDevices();
  }

  trace = () => [...this.traceLines];

  private log(line: string) {
    this.traceLines.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (this.traceLines.length > 200) this.traceLines.shift();
  }

  // ------------------------------------------------------------------ the view
  getView = () => this.view;

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<CallView>) {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener();
  }

  private dispatch(event: CallEvent) {
    const before = this.view.status;
    const after = nextStatus(before, event);
    if (after === before) return;
    this.log(`${event.type}${event.type === "link" ? ":" + event.state : ""}: ${before.phase} -> ${after.phase} (${after.attempts})`);
    this.set({ status: after, route: after.phase === "connected" ? this.view.route : null });
    if (after.phase === "failed" && !this.partnerOnline) {
      // Nobody to reconnect to: the partner went away. Wait for them instead of showing a failure.
      this.dropLink();
      this.dispatch({ type: "peerLeft" });
      this.set({ peerLeft: true });
      return;
    }
    if (shouldKick(before, after)) this.kick();
    this.armWatchdog();
    if (after.phase === "connected") this.readRouteSoon();
  }

  // ------------------------------------------------------------------ what the person does
  /** Joins with microphone (and camera). Falls back to audio only when the camera is missing or busy. */
  async join(askForVideo: boolean, intent?: RejoinIntent) {
    if (this.disposed || inCall(this.view.status.phase) || this.view.status.phase === "requesting") return;
    const withVideo = intent ? intent.camOn : askForVideo;
    const token = ++this.joinToken;
    this.set({ notice: null });
    this.dispatch({ type: "join" });
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) {
      this.dispatch({ type: "mediaFailed", reason: "insecure" });
      return;
    }
    if (typeof RTCPeerConnection === "undefined") {
      this.dispatch({ type: "mediaFailed", reason: "unsupported" });
      return;
    }
    let stream: MediaStream;
    let notice: string | null = null;
    try {
      stream = await media.getUserMedia(mediaConstraints(withVideo, this.view.choice));
    } catch (error) {
      const first = classifyMediaError(error);
      if (!withVideo || first.reason === "denied") {
        if (token === this.joinToken) this.dispatch({ type: "mediaFailed", ...first });
        return;
      }
      try {
        stream = await media.getUserMedia(mediaConstraints(false, this.view.choice));
        notice = first.reason === "busy"
          ? "Your camera is in use by another app, so you joined with audio only."
          : "No camera found, so you joined with audio only.";
      } catch (second) {
        if (token === this.joinToken) this.dispatch({ type: "mediaFailed", ...classifyMediaError(second) });
        return;
      }
    }
    if (token !== this.joinToken || this.disposed) {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    this.micTrack = stream.getAudioTracks()[0] ?? null;
    this.camTrack = stream.getVideoTracks()[0] ?? null;
    const micOn = intent?.micOn ?? true;
    const camOn = !!this.camTrack;
    if (this.micTrack) this.micTrack.enabled = micOn;
    this.watchTrack(this.micTrack, "Your microphone stopped (unplugged?). Choose another below, or leave and join again.");
    this.watchTrack(this.camTrack, "Your camera stopped (unplugged?). Turn it on again, or choose another below.");
    this.callId = newCallId();
    this.set({ micOn, camOn, sharing: false, notice });
    this.publishLocal();
    this.saveIntent();
    void this.refreshDevices();
    if (this.iceServers === null) this.iceServers = await this.fetchIceServers();
    if (token !== this.joinToken || this.disposed) return;
    this.dispatch({ type: "mediaReady" });
    this.startSampling();
    void this.sendPresence("hello");
  }

  /** After a reload: join again if this tab was in the call. */
  rejoinIfAsked() {
    const intent = loadRejoin(this.options.session, this.options.path);
    if (intent && this.view.status.phase === "off") void this.join(intent.camOn, intent);
  }

  leave() {
    void this.sendPresence("bye");
    this.stopEverything();
    saveRejoin(this.options.session, this.options.path, null);
    this.dispatch({ type: "leave" });
    this.set({ notice: null, peerLeft: false });
  }

  /** After a failure: a new instance id, so the partner starts over with a fresh peer connection too. */
  async retry() {
    if (this.view.status.phase !== "failed") return;
    this.dropLink();
    this.callId = newCallId();
    this.dispatch({ type: "retry" });
    this.iceServers = (await this.fetchIceServers()) ?? this.iceServers;
    void this.sendPresence("hello");
  }

  toggleMic() {
    if (!this.micTrack) return;
    const on = !this.view.micOn;
    this.micTrack.enabled = on;
    // Replacing the track with nothing stops the audio packets altogether, not just their sound.
    void this.link?.audioSender?.replaceTrack(on ? this.micTrack : null).catch(() => undefined);
    this.set({ micOn: on });
    this.saveIntent();
    void this.sendPresence("media");
  }

  async toggleCamera() {
    if (!inCall(this.view.status.phase)) return;
    if (this.view.camOn) {
      // Off means off: the device is released (its light goes out), not just blacked out.
      this.camTrack?.stop();
      this.camTrack = null;
      this.set({ camOn: false });
      if (!this.view.sharing) this.sendVideo(null);
    } else {
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(this.view.choice.camera) });
        this.camTrack = stream.getVideoTracks()[0] ?? null;
      } catch (error) {
        this.set({ notice: `Could not turn the camera on: ${cameraProblem(error)}` });
        return;
      }
      if (!inCall(this.view.status.phase)) {
        this.camTrack?.stop();
        this.camTrack = null;
        return;
      }
      this.watchTrack(this.camTrack, "Your camera stopped (unplugged?). Turn it on again, or choose another below.");
      this.set({ camOn: true, notice: null });
      if (!this.view.sharing) this.sendVideo(this.camTrack);
      void this.refreshDevices();
    }
    this.publishLocal();
    this.saveIntent();
    void this.sendPresence("media");
  }

  async shareScreen() {
    if (!inCall(this.view.status.phase) || this.view.sharing) return;
    const media = navigator.mediaDevices;
    if (!media?.getDisplayMedia) {
      this.set({ notice: "This browser cannot share a screen." });
      return;
    }
    let track: MediaStreamTrack | undefined;
    try {
      const stream = await media.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
      track = stream.getVideoTracks()[0];
    } catch (error) {
      // Cancelling the browser's picker is a choice, not a problem.
      if ((error as { name?: string }).name !== "NotAllowedError") {
        this.set({ notice: `Could not share the screen: ${(error as Error).message || String(error)}` });
      }
      return;
    }
    if (!track) return;
    if (!inCall(this.view.status.phase)) {
      track.stop();
      return;
    }
    track.contentHint = "detail";
    // The browser's own "Stop sharing" bar ends the track.
    track.addEventListener("ended", () => this.stopSharing());
    this.screenTrack = track;
    this.set({ sharing: true, screen: new MediaStream([track]), notice: null });
    this.sendVideo(track);
    void this.sendPresence("media");
  }

  stopSharing() {
    if (!this.screenTrack) return;
    this.screenTrack.stop();
    this.screenTrack = null;
    this.set({ sharing: false, screen: null });
    this.sendVideo(this.view.camOn ? this.camTrack : null);
    void this.sendPresence("media");
  }

  async chooseDevice(kind: DeviceKind, deviceId: string) {
    saveDeviceChoice(this.options.local, kind, deviceId);
    this.set({ choice: { ...this.view.choice, [kind === "audioinput" ? "microphone" : "camera"]: deviceId } });
    try {
      if (kind === "audioinput" && this.micTrack) {
        const stream = await navigator.mediaDevices.getUserMedia({ audio: audioConstraints(deviceId, true) });
        const track = stream.getAudioTracks()[0];
        if (!track) return;
        track.enabled = this.view.micOn;
        this.micTrack.stop();
        this.micTrack = track;
        this.watchTrack(track, "Your microphone stopped (unplugged?). Choose another below, or leave and join again.");
        void this.link?.audioSender?.replaceTrack(this.view.micOn ? track : null).catch(() => undefined);
      } else if (kind === "videoinput" && this.camTrack) {
        const stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(deviceId, true) });
        const track = stream.getVideoTracks()[0];
        if (!track) return;
        this.camTrack.stop();
        this.camTrack = track;
        this.watchTrack(track, "Your camera stopped (unplugged?). Turn it on again, or choose another below.");
        if (!this.view.sharing) this.sendVideo(track);
      } else {
        return;
      }
      this.set({ notice: null });
      this.publishLocal();
    } catch (error) {
      const noun = kind === "audioinput" ? "microphone" : "camera";
      this.set({ notice: `Could not switch to that ${noun}: ${cameraProblem(error)}` });
    }
  }

  dismissNotice() {
    this.set({ notice: null });
  }

  // ------------------------------------------------------------------ what the room tells us
  /** The hub (re)connected: anything sent while it was down is lost, so announce again and resend a pending offer. */
  async hubReady() {
    if (!this.callId || !inCall(this.view.status.phase)) {
      // Ask whether the partner is in the call, so the panel can say so before this person joins.
      void this.send("CallPresence", { callId: this.pageId, state: "probe", to: this.partnerUserId, audio: false, video: false, screen: false });
      return;
    }
    if (this.iceServers === null) this.iceServers = await this.fetchIceServers();
    void this.sendPresence("hello");
    const link = this.link;
    if (link && link.pc.signalingState === "have-local-offer" && link.pc.localDescription) {
      void this.sendDescription(link, link.pc.localDescription);
    }
  }

  /** A partner page that opens (or reloads) asks by itself: it probes when out of the call and says hello when in. */
  setPartnerOnline(online: boolean) {
    const was = this.partnerOnline;
    this.partnerOnline = online;
    if (!online && was) {
      this.set({ peerInCall: false });
      // A half-made link cannot finish without them; a working one may well survive their hub blip.
      if (this.link && this.view.status.phase !== "connected") {
        this.dropLink();
        this.dispatch({ type: "peerLeft" });
        this.set({ peerLeft: true });
      }
    }
  }

  handlePresence = (message: CallPresenceMessage) => {
    this.log(`got ${message.state} from ${message.callId} to ${message.toCallId ?? "-"}`);
    this.partnerUserId = message.from;
    this.set({ peerInCall: peerInCallAfter(message) });
    const media = { audio: message.audio, video: message.video, screen: message.screen };
    const decision = decidePresence(message, this.binding());
    switch (decision.kind) {
      case "connect":
        this.connectTo(message.from, message.callId, media);
        if (decision.reply) void this.sendPresence("welcome");
        break;
      case "refresh":
        this.set({ peerMedia: media });
        void this.sendPresence("welcome");
        // Its hub came back: what it sent meanwhile may be lost. A link that never came up is left to the watchdog.
        if (this.link?.everConnected && this.link.lastState !== "connected") this.kick();
        break;
      case "media":
        this.set({ peerMedia: media });
        break;
      case "left":
        this.dropLink();
        this.dispatch({ type: "peerLeft" });
        this.set({ peerLeft: true });
        break;
      case "announce":
        void this.sendPresence("hello");
        break;
      case "ignore":
        break;
    }
  };

  handleDescription = (message: CallDescriptionMessage) => {
    this.partnerUserId = message.from;
    const decision = decideDescription(message, this.binding());
    this.log(`got ${message.type} from ${message.callId} to ${message.toCallId}: ${decision}`);
    if (decision === "ignore") return;
    if (decision === "connectThenApply") {
      this.connectTo(message.from, message.callId, null);
      void this.sendPresence("media");
    }
    const link = this.link!;
    link.queue = link.queue.then(() => this.applyDescription(link, message)).catch((error) => {
      console.warn("MockLoop call: could not apply the partner's description", error);
    });
  };

  handleCandidate = (message: CallCandidateMessage) => {
    const accepted = acceptCandidate(message, this.binding());
    this.log(`got candidate ${message.candidate.split(" ").slice(4, 8).join(" ")}${accepted ? "" : " (ignored)"}`);
    if (!accepted) return;
    const link = this.link!;
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
  };

  /** What a network change does to a working link, on demand: an ICE restart (for support and the browser tests). */
  restartIce = () => {
    this.log("ICE restart asked for");
    this.link?.pc.restartIce();
  };

  /** The latest of the samples taken twice a second while in the call (synchronous, for a test's wait-for-function). */
  latestStats = () => this.lastStats;

  /** For tests and diagnostics: bytes in and out, and where the call stands. */
  stats = async (): Promise<CallSample> => {
    const link = this.link;
    const summary = link
      ? summarizeStats((await link.pc.getStats()).values() as Iterable<{ type?: string; id?: string }>)
      : { inboundAudioBytes: 0, inboundVideoBytes: 0, outboundAudioBytes: 0, outboundVideoBytes: 0, route: null };
    return {
      ...summary,
      phase: this.view.status.phase,
      connectionState: link?.pc.connectionState ?? null,
      iceConnectionState: link?.pc.iceConnectionState ?? null,
      signalingState: link?.pc.signalingState ?? null,
      micOn: this.view.micOn,
      camOn: this.view.camOn,
      sharing: this.view.sharing,
      at: Date.now(),
    };
  };

  private startSampling() {
    clearInterval(this.sampler);
    this.sampler = setInterval(() => {
      this.stats().then((sample) => (this.lastStats = sample), () => undefined);
    }, 500);
  }

  dispose() {
    this.disposed = true;
    void this.sendPresence("bye");
    this.stopEverything();
    navigator.mediaDevices?.removeEventListener?.("devicechange", this.onDeviceChange);
    window.removeEventListener("pagehide", this.onPageHide);
    this.listeners.clear();
  }

  // ------------------------------------------------------------------ the peer connection
  private binding(): Binding {
    return { myCallId: inCall(this.view.status.phase) ? this.callId : null, peerCallId: this.link?.peerCallId ?? null };
  }

  private connectTo(peerUserId: string, peerCallId: string, media: PeerMedia | null) {
    this.log(`link to ${peerCallId} (me ${this.callId})`);
    this.dropLink();
    // One transport for audio and video from the first offer: fewer candidates, and nothing to undo in a rollback.
    const pc = new RTCPeerConnection({ iceServers: this.iceServers ?? [], bundlePolicy: "max-bundle" });
    const link: Link = {
      pc,
      peerUserId,
      peerCallId,
      makingOffer: false,
      ignoreOffer: false,
      settingRemoteAnswer: false,
      queue: Promise.resolve(),
      sending: false,
      audioSender: null,
      videoSender: null,
      lastState: null,
      everConnected: false,
    };
    this.link = link;
    this.set({ peerLeft: false, remote: null, peerMedia: media ?? { audio: true, video: true, screen: false }, route: null });

    // Only the impolite side opens with an offer; the polite side adds its tracks to the transceivers that offer
    // creates. Two first offers at once would make the polite side roll back an offer whose transport was still
    // gathering, and Chromium then never finishes gathering on that connection. Later renegotiations (camera on,
    // screen share, ICE restarts) may still collide: perfect negotiation settles those.
    const role = this.options.role();
    if (!(role && isPolite(role))) this.attachTracks(link);

    pc.ontrack = ({ track }) => {
      this.log(`remote ${track.kind} track`);
      if (link !== this.link) return;
      const tracks = (this.view.remote?.getTracks() ?? []).filter((t) => t.kind !== track.kind);
      // A new stream object, so the video element and the speaking meter pick the track up.
      this.set({ remote: new MediaStream([...tracks, track]) });
    };
    pc.onnegotiationneeded = async () => {
      this.log(`negotiationneeded (${pc.signalingState})`);
      if (link !== this.link) return;
      try {
        link.makingOffer = true;
        await pc.setLocalDescription();
        // A polite peer may have rolled this offer back for the partner's meanwhile: then there is nothing to send.
        if (pc.signalingState === "have-local-offer" && pc.localDescription?.type === "offer") {
          await this.sendDescription(link, pc.localDescription);
        }
      } catch (error) {
        console.warn("MockLoop call: could not make an offer", error);
      } finally {
        link.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      this.log(`local candidate ${candidate?.candidate ? candidate.candidate.split(" ").slice(4, 8).join(" ") : "(end)"}`);
      if (link !== this.link || !candidate || !candidate.candidate) return;
      const init = candidate.toJSON();
      if (checkCandidate(init)) return;
      void this.send("CallCandidate", {
        callId: this.callId,
        toCallId: link.peerCallId,
        to: link.peerUserId,
        candidate: init.candidate ?? "",
        sdpMid: init.sdpMid ?? null,
        sdpMLineIndex: init.sdpMLineIndex ?? null,
        usernameFragment: init.usernameFragment ?? null,
      });
    };
    const onState = () => {
      if (link !== this.link) return;
      this.log(`pc ${pc.connectionState}/${pc.iceConnectionState}/${pc.iceGatheringState}`);
      const state = linkStateOf(pc.connectionState, pc.iceConnectionState);
      if (state === link.lastState) return;
      link.lastState = state;
      if (state === "connected") link.everConnected = true;
      this.dispatch({ type: "link", state });
    };
    pc.onicegatheringstatechange = () => this.log(`gathering ${pc.iceGatheringState}`);
    pc.oniceconnectionstatechange = onState;
    pc.onconnectionstatechange = onState;
    this.dispatch({ type: "peerJoined" });
  }

  /** Perfect negotiation (W3C WebRTC, §10.7): the impolite side ignores a colliding offer, the polite side yields. */
  private async applyDescription(link: Link, message: CallDescriptionMessage) {
    if (link !== this.link) return;
    const pc = link.pc;
    const readyForOffer = !link.makingOffer && (pc.signalingState === "stable" || link.settingRemoteAnswer);
    const collision = message.type === "offer" && !readyForOffer;
    const role = this.options.role();
    link.ignoreOffer = !(role && isPolite(role)) && collision;
    this.log(`apply ${message.type} in ${pc.signalingState}${collision ? " (collision)" : ""}${link.ignoreOffer ? ": ignored" : ""}`);
    if (link.ignoreOffer) return;
    link.settingRemoteAnswer = message.type === "answer";
    try {
      await pc.setRemoteDescription({ type: message.type, sdp: message.sdp });
    } finally {
      link.settingRemoteAnswer = false;
    }
    if (message.type === "offer" && link === this.link) {
      // The polite side's tracks join the transceivers this offer made, so the answer already sends them.
      if (!link.sending) this.attachTracks(link);
      await pc.setLocalDescription();
      if (pc.localDescription) await this.sendDescription(link, pc.localDescription);
    }
  }

  /**
   * One more try at a link that is down. A link that never came up starts over: a new instance id, announced, so
   * both sides build fresh connections (an offer or candidates may have been lost, or the transport is stuck). A
   * link that worked keeps its connection: resend an offer that may have been lost, otherwise restart ICE.
   */
  private kick() {
    const link = this.link;
    if (!link) {
      // Still waiting for the partner to answer our hello (after a retry or a fresh start): ask again.
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

  private attachTracks(link: Link) {
    link.sending = true;
    if (this.micTrack) {
      link.audioSender = link.pc.addTrack(this.micTrack);
      if (!this.view.micOn) void link.audioSender.replaceTrack(null).catch(() => undefined);
    }
    const video = this.outgoingVideo();
    if (video) link.videoSender = link.pc.addTrack(video);
  }

  private armWatchdog() {
    clearTimeout(this.watchdog);
    const { phase, attempts } = this.view.status;
    if (phase !== "connecting" && phase !== "reconnecting") return;
    // A freshly dropped link gets a few seconds to come back by itself before ICE is restarted.
    const delay = phase === "reconnecting" && attempts === 0 ? disconnectGraceMs : watchdogMs;
    this.watchdog = setTimeout(() => this.dispatch({ type: "stalled" }), delay);
  }

  private readRouteSoon() {
    clearTimeout(this.routeTimer);
    this.routeTimer = setTimeout(async () => {
      const link = this.link;
      if (!link || this.view.status.phase !== "connected") return;
      try {
        const stats = summarizeStats((await link.pc.getStats()).values() as Iterable<{ type?: string; id?: string }>);
        if (link === this.link) this.set({ route: stats.route });
      } catch {
        // Only a label.
      }
    }, 1000);
  }

  private outgoingVideo(): MediaStreamTrack | null {
    return this.screenTrack ?? (this.view.camOn ? this.camTrack : null);
  }

  /** Sends a different picture (camera, screen or nothing) without renegotiating when a video sender exists. */
  private sendVideo(track: MediaStreamTrack | null) {
    const link = this.link;
    // Before our tracks are on the connection, attachTracks picks the current picture.
    if (!link || !link.sending) return;
    if (link.videoSender) {
      void link.videoSender.replaceTrack(track).catch((error) => console.warn("MockLoop call: replaceTrack failed", error));
    } else if (track) {
      link.videoSender = link.pc.addTrack(track);
    }
  }

  private dropLink() {
    clearTimeout(this.watchdog);
    clearTimeout(this.routeTimer);
    const link = this.link;
    this.link = null;
    if (link) {
      link.pc.ontrack = null;
      link.pc.onnegotiationneeded = null;
      link.pc.onicecandidate = null;
      link.pc.oniceconnectionstatechange = null;
      link.pc.onconnectionstatechange = null;
      link.pc.close();
    }
    this.set({ remote: null, peerMedia: null, route: null });
  }

  private stopEverything() {
    this.joinToken++;
    clearInterval(this.sampler);
    this.lastStats = null;
    this.dropLink();
    for (const track of [this.micTrack, this.camTrack, this.screenTrack]) track?.stop();
    this.micTrack = this.camTrack = this.screenTrack = null;
    this.callId = null;
    this.set({ local: null, screen: null, sharing: false, camOn: false });
  }

  private publishLocal() {
    const tracks = [this.micTrack, this.camTrack].filter((t): t is MediaStreamTrack => t !== null && t.readyState === "live");
    this.set({ local: tracks.length ? new MediaStream(tracks) : null });
  }

  private watchTrack(track: MediaStreamTrack | null, message: string) {
    track?.addEventListener("ended", () => {
      if (track === this.micTrack || track === this.camTrack) {
        if (track === this.camTrack) {
          this.camTrack = null;
          this.set({ camOn: false });
          if (!this.view.sharing) this.sendVideo(null);
          void this.sendPresence("media");
        }
        this.set({ notice: message });
        this.publishLocal();
      }
    });
  }

  private saveIntent() {
    saveRejoin(this.options.session, this.options.path, { micOn: this.view.micOn, camOn: this.view.camOn });
  }

  private onDeviceChange = () => void this.refreshDevices();

  private onPageHide = () => {
    // Best effort: the partner drops this link at once instead of waiting for it to time out.
    void this.sendPresence("bye");
  };

  private async refreshDevices() {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return;
    try {
      const devices = await media.enumerateDevices();
      const microphones = deviceOptions(devices, "audioinput");
      const cameras = deviceOptions(devices, "videoinput");
      const stored = loadDeviceChoice(this.options.local);
      this.set({
        microphones,
        cameras,
        // Before permission the list is anonymous: keep the remembered id until the devices can be matched.
        choice: {
          microphone: microphones.length ? pickDevice(microphones, stored.microphone) : stored.microphone,
          camera: cameras.length ? pickDevice(cameras, stored.camera) : stored.camera,
        },
      });
    } catch {
      // Only the lists stay empty.
    }
  }

  // ------------------------------------------------------------------ the hub
  private async fetchIceServers(): Promise<RTCIceServer[] | null> {
    const hub = this.options.hub();
    if (!hub || hub.state !== "Connected") return null;
    try {
      const servers = await hub.invoke<IceServerView[]>("CallIceServers");
      return servers.map((s) => ({ urls: s.urls, username: s.username ?? undefined, credential: s.credential ?? undefined }));
    } catch (error) {
      console.warn("MockLoop call: no ICE servers", error);
      return null;
    }
  }

  private sendPresence(state: PresenceState) {
    if (!this.callId) return Promise.resolve();
    const link = this.link;
    const request: CallPresenceRequest = {
      callId: this.callId,
      state,
      to: this.partnerUserId,
      // A hello is for whichever instance of the partner's page is there; the rest are for the linked one.
      toCallId: state === "hello" ? null : (link?.peerCallId ?? null),
      audio: this.view.micOn,
      video: this.view.sharing || this.view.camOn,
      screen: this.view.sharing,
    };
    return this.send("CallPresence", request);
  }

  private sendDescription(link: Link, description: RTCSessionDescription) {
    const problem = checkDescription(description.sdp);
    if (problem || !this.callId || (description.type !== "offer" && description.type !== "answer")) {
      console.warn("MockLoop call: not sending a description:", problem ?? description.type);
      return Promise.resolve();
    }
    return this.send("CallDescription", {
      callId: this.callId,
      toCallId: link.peerCallId,
      to: link.peerUserId,
      type: description.type,
      sdp: description.sdp,
    });
  }

  private async send(method: "CallPresence" | "CallDescription" | "CallCandidate", payload: object) {
    const hub = this.options.hub();
    const p = payload as { state?: string; type?: string; toCallId?: string | null };
    this.log(`send ${method} ${p.state ?? p.type ?? ""} to ${p.toCallId ?? "-"}${hub?.state === "Connected" ? "" : " (hub offline: dropped)"}`);
    // Offline: dropped. hubReady() announces again and resends what matters once the hub is back.
    if (!hub || hub.state !== "Connected") return;
    try {
      const result = await hub.invoke<CallResult>(method, payload);
      if (!result.ok && result.code !== "no_partner") console.warn(`MockLoop call: ${method} refused: ${result.error}`);
    } catch (error) {
      console.warn(`MockLoop call: ${method} failed`, error);
    }
  }
}

function cameraProblem(error: unknown): string {
  const { reason, detail } = classifyMediaError(error);
  switch (reason) {
    case "denied":
      return "access is blocked (allow it in the address bar's site settings).";
    case "noDevice":
      return "no such device is connected.";
    case "busy":
      return "it is in use by another app.";
    default:
      return detail;
  }
}
