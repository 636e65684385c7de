import { type MutableRefObject, useEffect, useMemo, useState } from "react";
import type { HubConnection } from "@microsoft/signalr";
import { DiagramCanvas, defaultIds } from "../canvas/DiagramCanvas";
import { applyOps, type DiagramDocument } from "../canvas/diagramDocument";
import type { ComponentType, DiagramOp } from "../canvas/diagramTypes";

interface Props {
  connection: MutableRefObject<HubConnection | null>;
  epoch: number;
  confirmed: DiagramDocument;
  pending: DiagramOp[];
  components: ComponentType[];
  readOnly: boolean;
  onOp(op: DiagramOp): void;
}

interface PeerCursor { userId: string; name: string; x: number; y: number }
interface PeerDrag { userId: string; nodeId: string; x: number; y: number }

const DRAG_EXPIRY_MS = 1000;

/** The shared canvas in the room: the server's diagram with our pending ops on top, and the peer's live pointer. */
export function RoomCanvas({ connection, epoch, confirmed, pending, components, readOnly, onOp }: Props) {
  const view = useMemo(() => applyOps(confirmed, pending), [confirmed, pending]);
  const [cursor, setCursor] = useState<PeerCursor | null>(null);
  const [drags, setDrags] = useState<Record<string, { x: number; y: number; at: number }>>({});

  useEffect(() => {
    const hub = connection.current;
    if (!hub) return;
    const onCursor = (c: PeerCursor) => setCursor(c);
    const onDrag = (d: PeerDrag) => setDrags((all) => ({ ...all, [d.nodeId]: { x: d.x, y: d.y, at: Date.now() } }));
    hub.on("PeerCursor", onCursor);
    hub.on("PeerDrag", onDrag);
    return () => {
      hub.off("PeerCursor", onCursor);
      hub.off("PeerDrag", onDrag);
    };
  }, [connection, epoch]);

  // A drop arrives as a durable op; previews that stop (or a peer who left mid-drag) fade out after a second.
  useEffect(() => {
    const timer = setInterval(() => {
      setDrags((all) => {
        const now = Date.now();
        const kept = Object.entries(all).filter(([, d]) => now - d.at < DRAG_EXPIRY_MS);
        return kept.length === Object.keys(all).length ? all : Object.fromEntries(kept);
      });
    }, 250);
    return () => clearInterval(timer);
  }, []);

  // When the confirmed diagram changes, a moved node's position is final: its preview is dropped.
  useEffect(() => setDrags({}), [confirmed]);

  const peerDrags = useMemo(() => Object.fromEntries(Object.entries(drags).map(([id, d]) => [id, { x: d.x, y: d.y }])), [drags]);
  const send = (method: string, ...args: unknown[]) => {
    const hub = connection.current;
    if (hub?.state === "Connected") void hub.send(method, ...args);
  };

  return (
    <section className="room-canvas" aria-label="Architecture canvas">
      <DiagramCanvas
        view={view}
        components={components}
        readOnly={readOnly}
        onOp={onOp}
        onDragPreview={(id, x, y) => send("DragPreview", id, x, y)}
        onCursor={(x, y) => send("Cursor", x, y)}
        peerCursor={cursor ? { x: cursor.x, y: cursor.y, name: cursor.name } : null}
        peerDrags={peerDrags}
        {...defaultIds}
      />
    </section>
  );
}
