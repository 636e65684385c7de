import { useEffect, useState } from "react";
import { levelFromSamples, nextSpeaking, quiet } from "./speaking";

let sharedContext: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (sharedContext) return sharedContext;
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return null;
  try {
    sharedContext = new Context();
  } catch {
    return null;
  }
  return sharedContext;
}

/**
 * Whether someone is speaking on a stream's audio track: a WebAudio analyser sampled ten times a second. Not
 * connected to the speakers (the video element plays the sound), so measuring never makes an echo.
 */
export function useSpeaking(stream: MediaStream | null, enabled = true): boolean {
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => {
    const track = stream?.getAudioTracks()[0];
    if (!track || !enabled) {
      setSpeaking(false);
      return;
    }
    const context = audioContext();
    if (!context) return;
    if (context.state === "suspended") void context.resume().catch(() => undefined);
    let source: MediaStreamAudioSourceNode;
    try {
      source = context.createMediaStreamSource(new MediaStream([track]));
    } catch {
      return;
    }
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let state = quiet;
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      const next = nextSpeaking(state, levelFromSamples(samples), performance.now());
      if (next.speaking !== state.speaking) setSpeaking(next.speaking);
      state = next;
    }, 100);
    return () => {
      clearInterval(timer);
      source.disconnect();
      setSpeaking(false);
    };
  }, [stream, enabled]);
  return speaking;
}
