// Reads what matters from RTCPeerConnection.getStats(): bytes in and out per kind, and whether the media goes
// directly or through a TURN relay. Pure, over the report's values, so it is testable without a browser.

export interface CallStats {
  inboundAudioBytes: number;
  inboundVideoBytes: number;
  outboundAudioBytes: number;
  outboundVideoBytes: number;
  /** "direct" (host, srflx or prflx candidates), "relay" (through TURN), or null before a pair is chosen. */
  route: "direct" | "relay" | null;
}

type StatsEntry = { type?: string; id?: string; [key: string]: unknown };

export function summarizeStats(entries: Iterable<StatsEntry>): CallStats {
  const all = [...entries];
  const byId = new Map(all.map((s) => [s.id, s]));
  const result: CallStats = { inboundAudioBytes: 0, inboundVideoBytes: 0, outboundAudioBytes: 0, outboundVideoBytes: 0, route: null };
  for (const s of all) {
    const kind = (s.kind ?? s.mediaType) as string | undefined;
    if (s.type === "inbound-rtp") {
      const bytes = Number(s.bytesReceived ?? 0);
      if (kind === "audio") result.inboundAudioBytes += bytes;
      if (kind === "video") result.inboundVideoBytes += bytes;
    } else if (s.type === "outbound-rtp") {
      const bytes = Number(s.bytesSent ?? 0);
      if (kind === "audio") result.outboundAudioBytes += bytes;
      if (kind === "video") result.outboundVideoBytes += bytes;
    }
  }
  const transport = all.find((s) => s.type === "transport" && s.selectedCandidatePairId);
  const pair =
    (transport && byId.get(transport.selectedCandidatePairId as string)) ??
    all.find((s) => s.type === "candidate-pair" && s.state === "succeeded" && s.nominated);
  if (pair) {
    const local = byId.get(pair.localCandidateId as string);
    const remote = byId.get(pair.remoteCandidateId as string);
    if (local || remote) {
      result.route = local?.candidateType === "relay" || remote?.candidateType === "relay" ? "relay" : "direct";
    }
  }
  return result;
}
