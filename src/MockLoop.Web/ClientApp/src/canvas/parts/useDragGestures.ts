import { useCallback, useMemo, useRef, useState } from "react";
import type { DiagramDocument } from "../diagramDocument";
import type { DiagramOp } from "../diagramTypes";
import type { DiagramFlowNode } from "../flowModel";
import { boxCenter, planMove, zoneAt, type IdSource } from "../gestures";
import type { Point } from "../linkGeometry";
import { createBatchBudget } from "../throttle";
import { useLatest } from "./useLatest";

const noCarried: ReadonlyMap<string, Point> = new Map();

interface DragInputs {
  currentView(): DiagramDocument;
  ids: IdSource;
  send(ops: DiagramOp[]): void;
  onDragPreview?(nodeId: string, x: number, y: number): void;
  previewsPerSecond: number;
}

/**
 * Dragging nodes and zones. While dragging: a zone's members ride along on screen, the zone a node would join is
 * highlighted, and positions go to the peer as throttled previews. On drop: one op per moved element (planMove).
 */
export function useDragGestures(inputs: DragInputs) {
  const latest = useLatest(inputs);
  const [carried, setCarried] = useState<ReadonlyMap<string, Point>>(noCarried);
  const [dropZoneId, setDropZoneId] = useState<string | null>(null);
  const membersOfDraggedZones = useRef(new Map<string, string[]>());
  /** Read by the cursor sender: while previews flow, the pointer is not sent too, keeping the total under budget. */
  const dragging = useRef(false);
  const previewBudget = useMemo(() => createBatchBudget(inputs.previewsPerSecond), [inputs.previewsPerSecond]);

  const onDragStart = useCallback(
    (dragged: DiagramFlowNode[]) => {
      const doc = latest.current.currentView();
      const draggedIds = new Set(dragged.map((n) => n.id));
      const members = new Map<string, string[]>();
      for (const n of dragged) {
        if (n.type !== "zone") continue;
        members.set(n.id, [...doc.nodes.values()].filter((m) => m.zoneId === n.id && !draggedIds.has(m.id)).map((m) => m.id));
      }
      membersOfDraggedZones.current = members;
      dragging.current = true;
    },
    [latest],
  );

  const onDrag = useCallback(
    (primary: DiagramFlowNode | undefined, dragged: DiagramFlowNode[]) => {
      const doc = latest.current.currentView();
      const offsets = new Map<string, Point>();
      for (const [zoneId, memberIds] of membersOfDraggedZones.current) {
        const zone = doc.zones.get(zoneId);
        const now = dragged.find((n) => n.id === zoneId)?.position;
        if (!zone || !now) continue;
        for (const memberId of memberIds) offsets.set(memberId, { x: now.x - zone.x, y: now.y - zone.y });
      }
      if (offsets.size > 0) setCarried(offsets);

      if (primary && primary.type !== "zone") {
        const node = doc.nodes.get(primary.id);
        const zonesWhereTheyWillBe = [...doc.zones.values()].map((z) => {
          const moving = dragged.find((n) => n.id === z.id);
          return moving ? { ...z, ...moving.position } : z;
        });
        setDropZoneId(node ? zoneAt(zonesWhereTheyWillBe, boxCenter({ ...node, ...primary.position })) : null);
      }

      const preview = latest.current.onDragPreview;
      if (preview && previewBudget(dragged.length)) {
        for (const n of dragged) preview(n.id, Math.round(n.position.x), Math.round(n.position.y));
      }
    },
    [latest, previewBudget],
  );

  const onDragStop = useCallback(
    (dragged: DiagramFlowNode[]) => {
      const { currentView, ids, send } = latest.current;
      send(planMove(currentView(), ids, new Map(dragged.map((n) => [n.id, n.position]))));
      membersOfDraggedZones.current = new Map();
      dragging.current = false;
      setCarried(noCarried);
      setDropZoneId(null);
    },
    [latest],
  );

  return { carried, dropZoneId, dragging, onDragStart, onDrag, onDragStop };
}
