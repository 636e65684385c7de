// A local harness for the canvas: an in-memory replica whose "server" echoes every op back as confirmed after a short
// delay, so optimistic rendering, confirmation and undo behave as in a room. Query options: ?readonly=1, ?peer=1
// (a simulated partner moving their pointer and dragging a node), ?empty=1, ?full=1 (500 elements).

import { StrictMode, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { applyOps, emptyDocument } from "../diagramDocument";
import type { DiagramOp } from "../diagramTypes";
import { DiagramCanvas, defaultIds } from "../DiagramCanvas";
import { DiagramReplica } from "../testing/replica";
import { fullDiagramOps, seedOps } from "./seedDiagram";
import { sampleVocabulary } from "./sampleVocabulary";
import "./playground.css";

const params = new URLSearchParams(location.search);
const initialOps = params.has("empty") ? [] : params.has("full") ? fullDiagramOps() : seedOps();

const replica = new DiagramReplica(applyOps(emptyDocument, initialOps), initialOps.length);
let serverSequence = initialOps.length;

function sendToEchoServer(op: DiagramOp) {
  replica.applyLocal(op);
  setTimeout(() => replica.receiveConfirmed(++serverSequence, op), 150);
}

function usePeerSimulation(enabled: boolean) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(() => setTick((t) => t + 1), 50);
    return () => clearInterval(timer);
  }, [enabled]);
  return useMemo(() => {
    if (!enabled) return { cursor: null, drags: undefined };
    const t = params.has("still") ? 0 : tick / 20;
    const cursor = { x: 1180 + Math.cos(t) * 40, y: 420 + Math.sin(t) * 20, name: "Priya" };
    const drags = { n_monitor: { x: 1420 + Math.cos(t) * 24, y: 120 + Math.sin(t) * 12 } };
    return { cursor, drags };
  }, [enabled, tick]);
}

/** Counts cursor and drag-preview calls over a sliding second, to check the canvas keeps them at or under 20. */
function useVolatileRate() {
  const [stamps, setStamps] = useState<number[]>([]);
  useEffect(() => {
    const timer = setInterval(() => setStamps((s) => s.filter((t) => t > Date.now() - 1000)), 250);
    return () => clearInterval(timer);
  }, []);
  return {
    perSecond: stamps.filter((t) => t > Date.now() - 1000).length,
    count: () => setStamps((s) => [...s.filter((t) => t > Date.now() - 1000), Date.now()]),
  };
}

function Playground() {
  const view = useSyncExternalStore(
    (listener) => replica.subscribe(listener),
    () => replica.view(),
  );
  const peer = usePeerSimulation(params.has("peer"));
  const [log, setLog] = useState<string[]>([]);
  const record = (line: string) => setLog((lines) => [line, ...lines].slice(0, 3));
  const volatileRate = useVolatileRate();

  return (
    <div className="pg">
      <header className="pg-head">
        <div>
          <p className="pg-eyebrow">MockLoop · canvas playground</p>
          <h1>Design a recommendation system</h1>
        </div>
        <ul className="pg-log" aria-label="Recent ops">
          <li>volatile messages in the last second: {volatileRate.perSecond}</li>
          {log.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </header>
      <main className="pg-canvas">
        <DiagramCanvas
          view={view}
          components={sampleVocabulary}
          readOnly={params.has("readonly")}
          onOp={(op) => {
            record(`${op.type} ${"nodeId" in op ? op.nodeId : "elementId" in op ? op.elementId : ""}`);
            sendToEchoServer(op);
          }}
          onDragPreview={(id, x, y) => {
            volatileRate.count();
            record(`preview ${id} ${x},${y}`);
          }}
          onCursor={volatileRate.count}
          peerCursor={peer.cursor}
          peerDrags={peer.drags}
          {...defaultIds}
        />
      </main>
    </div>
  );
}

createRoot(document.getElementById("playground-root")!).render(
  <StrictMode>
    <Playground />
  </StrictMode>,
);
