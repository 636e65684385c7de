import { describe, expect, it } from "vitest";
import { summarizeStats } from "./callStats";

describe("call stats", () => {
  it("adds up bytes per direction and kind", () => {
    const stats = summarizeStats([
      { type: "inbound-rtp", id: "i1", kind: "audio", bytesReceived: 1000 },
      { type: "inbound-rtp", id: "i2", kind: "video", bytesReceived: 50000 },
      { type: "outbound-rtp", id: "o1", kind: "audio", bytesSent: 900 },
      { type: "outbound-rtp", id: "o2", mediaType: "video", bytesSent: 40000 },
      { type: "remote-inbound-rtp", id: "r1", kind: "audio", bytesReceived: 123 },
    ]);
    expect(stats).toMatchObject({ inboundAudioBytes: 1000, inboundVideoBytes: 50000, outboundAudioBytes: 900, outboundVideoBytes: 40000 });
    expect(stats.route).toBeNull();
  });

  it("says whether the selected pair goes through a relay", () => {
    const base = [
      { type: "transport", id: "t", selectedCandidatePairId: "p" },
      { type: "candidate-pair", id: "p", localCandidateId: "l", remoteCandidateId: "r" },
      { type: "remote-candidate", id: "r", candidateType: "srflx" },
    ];
    expect(summarizeStats([...base, { type: "local-candidate", id: "l", candidateType: "host" }]).route).toBe("direct");
    expect(summarizeStats([...base, { type: "local-candidate", id: "l", candidateType: "relay" }]).route).toBe("relay");
  });
});
