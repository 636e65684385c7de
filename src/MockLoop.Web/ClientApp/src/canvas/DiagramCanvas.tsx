// The shared architecture canvas. It renders a view (a replica's confirmed + pending document) with React Flow and
// turns gestures into diagram ops through onOp; it never changes the document itself. The caller applies each op to
// its replica at once (optimistically) and sends it to the hub, so the next render's `view` already contains it.

import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  SelectionMode,
  useReactFlow,
  type Connection,
  type FinalConnectionState,
  type OnConnectEnd,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "./canvas.css";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent, type PointerEvent } from "react";
import { elementCount, kindOf, type DiagramDocument, type DiagramDocumentView } from "./diagramDocument";
import type { ComponentType, DiagramOp } from "./diagramTypes";
import { downloadPng, downloadSvg } from "./exportImage";
import type { DiagramFlowNode, LinkFlowEdge } from "./flowModel";
import { capacityProblem, planAdd, planDelete, planLink, planMove, planRename, planResize, type PaletteTool } from "./gestures";
import { newElementId, newOpId } from "./ids";
import type { Box, Point } from "./linkGeometry";
import { CanvasUiContext, type CanvasUi } from "./parts/canvasUi";
import { ComponentNode } from "./parts/ComponentNode";
import type { CanvasCommand } from "./parts/keyboard";
import { LinkEdge } from "./parts/LinkEdge";
import { NoteNode } from "./parts/NoteNode";
import { Palette, readDroppedTool, TOOL_MIME } from "./parts/Palette";
import { PeerCursor } from "./parts/PeerCursor";
import { ShortcutHelp } from "./parts/ShortcutHelp";
import { Toolbar } from "./parts/Toolbar";
import { useDiagramEditor } from "./parts/useDiagramEditor";
import { useDragGestures } from "./parts/useDragGestures";
import { useFlowElements } from "./parts/useFlowElements";
import { useLatest } from "./parts/useLatest";
import { useNotice } from "./parts/useNotice";
import { useShortcuts } from "./parts/useShortcuts";
import { ZoneNode } from "./parts/ZoneNode";
import { ZoomControls } from "./parts/ZoomControls";
import { throttle } from "./throttle";
import { categoryStyle, describeType, noteStyle } from "./vocabulary";

export interface DiagramCanvasProps {
  /** replica.view(): what to render. */
  view: DiagramDocumentView;
  /** The component vocabulary (rubrics/components.json). */
  components: ComponentType[];
  /** Both participants may edit; read-only for ended sessions. */
  readOnly: boolean;
  /** A local edit, to be applied optimistically to the caller's replica and sent to the server. */
  onOp(op: DiagramOp): void;
  /** Volatile, while dragging (ids of nodes or zones); all previews together stay under 20 calls per second. */
  onDragPreview?(nodeId: string, x: number, y: number): void;
  /** The pointer in flow coordinates, at most 20 times per second, and not while drag previews are being sent. */
  onCursor?(x: number, y: number): void;
  peerCursor?: { x: number; y: number; name: string } | null;
  /** Live positions of elements the peer is dragging (nodes or zones; a zone's members follow it). */
  peerDrags?: Record<string, { x: number; y: number }>;
  newId(prefix: "n" | "z" | "l"): string;
  newOpId(): string;
}

/** Default id generators for callers that have none of their own. */
export const defaultIds: Pick<DiagramCanvasProps, "newId" | "newOpId"> = { newId: newElementId, newOpId };

const nodeTypes = { component: ComponentNode, note: NoteNode, zone: ZoneNode };
const edgeTypes = { link: LinkEdge };
const noPeerDrags: Record<string, Point> = {};
const VOLATILE_PER_SECOND = 20;

export function DiagramCanvas(props: DiagramCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasEditor {...props} />
    </ReactFlowProvider>
  );
}

function CanvasEditor(props: DiagramCanvasProps) {
  const { view, components, readOnly, peerCursor } = props;
  const flow = useReactFlow<DiagramFlowNode, LinkFlowEdge>();
  const latest = useLatest(props);
  const paneRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { notice, show: showNotice } = useNotice();
  const { currentView, ids, send, perform, undo, redo, canUndo, canRedo } = useDiagramEditor(props, showNotice);
  const drag = useDragGestures({ currentView, ids, send, onDragPreview: props.onDragPreview, previewsPerSecond: VOLATILE_PER_SECOND });
  const { nodes, edges, selected, setSelected, onNodesChange, onEdgesChange } = useFlowElements(view, components, {
    peerDrags: props.peerDrags ?? noPeerDrags,
    carried: drag.carried,
    dropZoneId: drag.dropZoneId,
    readOnly,
  });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  // An element being renamed may vanish (the peer deleted it): stop editing it.
  useEffect(() => setEditingId((id) => (id !== null && kindOf(view, id) === null ? null : id)), [view]);

  // ---- fitting the view ----
  const fit = useCallback(() => void flow.fitView({ padding: 0.12, duration: 250, maxZoom: 1.25 }), [flow]);
  const fittedOnce = useRef(false);
  useEffect(() => {
    if (fittedOnce.current || nodes.length === 0) return;
    // After React Flow has measured the first nodes (the diagram may also arrive after mounting, with a snapshot).
    // Marked done only when it runs: StrictMode's rehearsal cancels the first frame.
    const frame = requestAnimationFrame(() => {
      fittedOnce.current = true;
      void flow.fitView({ padding: 0.12, maxZoom: 1 });
    });
    return () => cancelAnimationFrame(frame);
  }, [nodes.length, flow]);

  // ---- adding from the palette ----
  const addTool = useCallback(
    (tool: PaletteTool, at: Point) => {
      const createdId = perform(planAdd(currentView(), ids, tool, at));
      if (createdId === undefined) return;
      setSelected(new Set([createdId]));
      // A note is nothing until written, and "New zone" is a placeholder: go straight to typing.
      if (tool.kind !== "component") setEditingId(createdId);
    },
    [currentView, ids, perform, setSelected],
  );

  const viewportCenter = (): Point => {
    const rect = paneRef.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  };

  const onDragOver = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(TOOL_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };

  const onDrop = (event: DragEvent) => {
    const tool = readOnly ? null : readDroppedTool(event.dataTransfer);
    if (!tool) return;
    event.preventDefault();
    addTool(tool, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  // ---- linking ----
  const connected = useRef(false);
  const onConnect = useCallback(
    (connection: Connection) => {
      connected.current = true;
      perform(planLink(currentView(), ids, connection.source, connection.target));
    },
    [currentView, ids, perform],
  );

  // Dropping a link on a node's body (not exactly on one of its dots) still links to that node.
  const onConnectEnd: OnConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const from = state.fromNode?.id;
      if (connected.current || !from || latest.current.readOnly) return;
      const point = "changedTouches" in event ? event.changedTouches[0] : event;
      if (!point) return;
      const target = document.elementFromPoint(point.clientX, point.clientY)?.closest(".react-flow__node")?.getAttribute("data-id");
      if (target && target !== from && currentView().nodes.has(target)) perform(planLink(currentView(), ids, from, target));
    },
    [currentView, ids, latest, perform],
  );

  // ---- commands from the keyboard and the toolbar ----
  const deleteSelection = useCallback(() => {
    send(planDelete(currentView(), ids, selected));
    setSelected(new Set());
  }, [currentView, ids, selected, send, setSelected]);

  const nudge = (dx: number, dy: number) => {
    const doc = currentView();
    const moved = new Map<string, Point>();
    for (const id of selected) {
      const element = doc.nodes.get(id) ?? doc.zones.get(id);
      if (element) moved.set(id, { x: element.x + dx, y: element.y + dy });
    }
    send(planMove(doc, ids, moved));
  };

  const run = (command: CanvasCommand) => {
    if (typeof command === "object") {
      if (!readOnly) nudge(command.nudge.dx, command.nudge.dy);
      return;
    }
    switch (command) {
      case "undo":
        return undo();
      case "redo":
        return redo();
      case "delete":
        return deleteSelection();
      case "rename":
        if (!readOnly && selected.size === 1) setEditingId([...selected][0]);
        return;
      case "selectAll": {
        const doc = currentView();
        return setSelected(new Set([...doc.nodes.keys(), ...doc.zones.keys(), ...doc.links.keys()]));
      }
      case "clearSelection":
        setSelected(new Set());
        return setHelpOpen(false);
      case "fitView":
        return fit();
      case "zoomIn":
        return void flow.zoomIn({ duration: 150 });
      case "zoomOut":
        return void flow.zoomOut({ duration: 150 });
      case "toggleHelp":
        return setHelpOpen((open) => !open);
    }
  };
  useShortcuts(rootRef, selected.size > 0, run);

  // ---- our pointer, for the peer ----
  const sendCursor = useMemo(
    () => throttle((x: number, y: number) => latest.current.onCursor?.(x, y), 1000 / VOLATILE_PER_SECOND),
    [latest],
  );
  useEffect(() => () => sendCursor.cancel(), [sendCursor]);
  const onPointerMove = (event: PointerEvent) => {
    // Volatile messages share one budget of 20 a second per connection; during a drag the previews use it.
    if (!latest.current.onCursor || drag.dragging.current) return;
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    sendCursor(Math.round(p.x), Math.round(p.y));
  };

  // ---- what nodes and links need: label edits and resizes ----
  const ui = useMemo<CanvasUi>(
    () => ({
      readOnly,
      editingId,
      peerName: peerCursor?.name ?? "Your partner",
      startEditing: (id) => !latest.current.readOnly && setEditingId(id),
      cancelEditing: () => setEditingId(null),
      commitLabel: (id, text) => {
        setEditingId(null);
        send(planRename(currentView(), ids, id, text));
      },
      resizeEnd: (id: string, box: Box) => send(planResize(currentView(), ids, id, box)),
    }),
    [readOnly, editingId, peerCursor?.name, latest, send, currentView, ids],
  );

  const count = elementCount(view);
  const isEmpty = count === 0;

  return (
    <CanvasUiContext.Provider value={ui}>
      <div ref={rootRef} className={`dc-root${readOnly ? " is-read-only" : ""}`}>
        {!readOnly && <Palette components={components} disabledReason={capacityProblem(view)} onAdd={(tool) => addTool(tool, viewportCenter())} />}
        <div ref={paneRef} className="dc-stage" onDragOver={onDragOver} onDrop={onDrop} onPointerMove={onPointerMove}>
          <ReactFlow<DiagramFlowNode, LinkFlowEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStart={(_, __, dragged) => drag.onDragStart(dragged)}
            onNodeDrag={(_, node, dragged) => drag.onDrag(node, dragged)}
            onNodeDragStop={(_, __, dragged) => drag.onDragStop(dragged)}
            onSelectionDragStart={(_, dragged) => drag.onDragStart(dragged)}
            onSelectionDrag={(_, dragged) => drag.onDrag(dragged[0], dragged)}
            onSelectionDragStop={(_, dragged) => drag.onDragStop(dragged)}
            onConnectStart={() => (connected.current = false)}
            onConnect={onConnect}
            onConnectEnd={onConnectEnd}
            onNodeDoubleClick={(_, node) => node.type !== "zone" && ui.startEditing(node.id)}
            onEdgeDoubleClick={(_, edge) => ui.startEditing(edge.id)}
            onPaneClick={() => setHelpOpen(false)}
            onPaneContextMenu={(event: ReactMouseEvent | MouseEvent) => event.preventDefault()}
            isValidConnection={(c) => c.source !== c.target && currentView().nodes.has(c.source) && currentView().nodes.has(c.target)}
            connectionMode={ConnectionMode.Loose}
            connectionRadius={28}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            elementsSelectable
            edgesReconnectable={false}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={["Shift", "Meta", "Control"]}
            selectionOnDrag={!readOnly}
            selectionMode={SelectionMode.Full}
            panOnDrag={readOnly ? true : [1, 2]}
            panOnScroll
            zoomOnScroll={false}
            zoomOnPinch
            zoomOnDoubleClick={false}
            elevateNodesOnSelect={false}
            snapToGrid
            snapGrid={[8, 8]}
            minZoom={0.1}
            maxZoom={2.5}
            attributionPosition="top-right"
            aria-label="Architecture diagram"
          >
            <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#cfd4e3" />
            {!isEmpty && (
              <MiniMap<DiagramFlowNode>
                pannable
                zoomable
                ariaLabel="Overview of the whole diagram"
                nodeBorderRadius={6}
                nodeStrokeWidth={0}
                maskColor="rgba(246, 247, 251, 0.72)"
                nodeColor={(n) => minimapColor(n, view, components)}
              />
            )}
            {peerCursor && <PeerCursor cursor={peerCursor} />}
          </ReactFlow>

          <Toolbar
            readOnly={readOnly}
            canUndo={canUndo}
            canRedo={canRedo}
            selectionCount={selected.size}
            elementCount={count}
            helpOpen={helpOpen}
            onUndo={undo}
            onRedo={redo}
            onDelete={deleteSelection}
            onExportSvg={() => downloadSvg(view, components)}
            onExportPng={() => void downloadPng(view, components).catch((e: Error) => showNotice(e.message))}
            onToggleHelp={() => setHelpOpen((open) => !open)}
          />
          <ZoomControls onFit={fit} />
          {helpOpen && <ShortcutHelp readOnly={readOnly} onClose={() => setHelpOpen(false)} />}
          {isEmpty && (
            <div className="dc-empty" aria-hidden="true">
              <strong>{readOnly ? "This diagram is empty" : "Start your design"}</strong>
              {!readOnly && <span>Drag a component from the left, or focus one and press Enter.</span>}
            </div>
          )}
          {notice && (
            <div key={notice.key} className="dc-notice" role="status">
              {notice.text}
            </div>
          )}
        </div>
      </div>
    </CanvasUiContext.Provider>
  );
}

function minimapColor(node: DiagramFlowNode, view: DiagramDocument, components: readonly ComponentType[]): string {
  if (node.type === "zone") return "rgba(79, 70, 229, 0.10)";
  if (node.type === "note") return noteStyle.border;
  const type = view.nodes.get(node.id)?.componentType;
  return type ? describeType(components, type).style.color : categoryStyle("other").color;
}
