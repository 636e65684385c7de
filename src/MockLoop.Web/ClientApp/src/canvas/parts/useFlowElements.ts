import { applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { kindOf, type DiagramDocument } from "../diagramDocument";
import type { ComponentType } from "../diagramTypes";
import { buildFlowEdges, syncFlowNodes, type DiagramFlowNode, type FlowOverlays, type LinkFlowEdge } from "../flowModel";

/**
 * React Flow's nodes and edges, derived from the view plus what is local to this screen (selection, gestures in
 * progress, the peer's drags). React Flow reports selection and geometry through its change callbacks; removals are
 * ignored because deleting goes through ops.
 */
export function useFlowElements(view: DiagramDocument, components: readonly ComponentType[], overlays: Omit<FlowOverlays, "selected">) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [nodes, setNodes] = useState<DiagramFlowNode[]>([]);

  // Forget selected elements that are gone (deleted here, by the peer, or by an undo).
  useEffect(() => {
    setSelected((previous) => {
      const live = [...previous].filter((id) => kindOf(view, id) !== null);
      return live.length === previous.size ? previous : new Set(live);
    });
  }, [view]);

  const { peerDrags, carried, dropZoneId, readOnly } = overlays;
  const allOverlays = useMemo<FlowOverlays>(
    () => ({ selected, peerDrags, carried, dropZoneId, readOnly }),
    [selected, peerDrags, carried, dropZoneId, readOnly],
  );
  // Before paint, so a new element never flashes in a stale place.
  useLayoutEffect(() => {
    setNodes((previous) => syncFlowNodes(previous, view, components, allOverlays));
  }, [view, components, allOverlays]);

  const edgesRef = useRef<LinkFlowEdge[]>([]);
  const edges = useMemo(() => (edgesRef.current = buildFlowEdges(edgesRef.current, view, selected)), [view, selected]);

  const applySelection = useCallback((changes: { id: string; selected: boolean }[]) => {
    if (changes.length === 0) return;
    setSelected((previous) => {
      const next = new Set(previous);
      for (const change of changes) {
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      return next;
    });
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramFlowNode>[]) => {
      applySelection(changes.flatMap((c) => (c.type === "select" ? [{ id: c.id, selected: c.selected }] : [])));
      const geometry = changes.filter((c) => c.type === "position" || c.type === "dimensions");
      if (geometry.length > 0) setNodes((previous) => applyNodeChanges(geometry, previous));
    },
    [applySelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<LinkFlowEdge>[]) =>
      applySelection(changes.flatMap((c) => (c.type === "select" ? [{ id: c.id, selected: c.selected }] : []))),
    [applySelection],
  );

  return { nodes, edges, selected, setSelected, onNodesChange, onEdgesChange };
}
