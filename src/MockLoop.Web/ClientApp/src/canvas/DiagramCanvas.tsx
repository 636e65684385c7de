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
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
  type OnConnectEnd,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "./canvas.css";
import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent, type PointerEvent } from "react";
import { applyOps, elementCount, kindOf, type DiagramDocument, type DiagramDocumentView } from "./diagramDocument";
import type { ComponentType, DiagramOp } from "./diagramTypes";
import { downloadPng, downloadSvg } from "./exportImage";
import { buildFlowEdges, syncFlowNodes, type DiagramFlowNode, type FlowOverlays, type LinkFlowEdge } from "./flowModel";
import {
  boxCenter,
  capacityProblem,
  planAdd,
  planDelete,
  planLink,
  planMove,
  planRename,
  planResize,
  zoneAt,
  type IdSource,
  type PaletteTool,
  type Plan,
} from "./gestures";
import { newElementId, newOpId } from "./ids";
import type { Box, Point } from "./linkGeometry";
import { CanvasUiContext, type CanvasUi } from "./parts/canvasUi";
import { ComponentNode } from "./parts/ComponentNode";
import { commandFor, isTypingTarget, type CanvasCommand } from "./parts/keyboard";
import { LinkEdge } from "./parts/LinkEdge";
import { NoteNode } from "./parts/NoteNode";
import { Palette, readDroppedTool, TOOL_MIME } from "./parts/Palette";
import { PeerCursor } from "./parts/PeerCursor";
import { ShortcutHelp } from "./parts/ShortcutHelp";
import { Toolbar } from "./parts/Toolbar";
import { useLatest } from "./parts/useLatest";
import { useNotice } from "./parts/useNotice";
import { ZoneNode } from "./parts/ZoneNode";
import { ZoomControls } from "./parts/ZoomControls";
import { createBatchBudget, throttle } from "./throttle";
import { UndoStack } from "./undoStack";
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
  /** Volatile, while dragging; the canvas keeps all previews together under 20 calls per second. */
  onDragPreview?(nodeId: string, x: number, y: number): void;
  /** The pointer in flow coordinates, at most 20 times per second. */
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
const noCarried: ReadonlyMap<string, Point> = new Map();
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
  const peerDrags = props.peerDrags ?? noPeerDrags;
  const flow = useReactFlow<DiagramFlowNode, LinkFlowEdge>();
  const latest = useLatest(props);
  const paneRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { notice, show: showNotice } = useNotice();

  // Ops sent since the last render are not in `view` yet; gestures in the same tick must see them.
  const rolling = useRef<{ base: DiagramDocument; current: DiagramDocument }>({ base: view, current: view });
  const currentView = useCallback(() => {
    const base = latest.current.view;
    return rolling.current.base === base ? rolling.current.current : base;
  }, [latest]);

  const ids = useMemo<IdSource>(
    () => ({ newId: (prefix) => latest.current.newId(prefix), newOpId: () => latest.current.newOpId() }),
    [latest],
  );
  const undoStack = useMemo(() => new UndoStack(ids), [ids]);
  const [, historyChanged] = useReducer((n: number) => n + 1, 0);

  const send = useCallback(
    (ops: DiagramOp[], record: boolean) => {
      if (ops.length === 0 || latest.current.readOnly) return;
      const before = currentView();
      if (record) undoStack.record(ops, before);
      rolling.current = { base: latest.current.view, current: applyOps(before, ops) };
      for (const op of ops) latest.current.onOp(op);
      historyChanged();
    },
    [currentView, latest, undoStack],
  );

  const perform = useCallback(
    (plan: Plan): string | undefined => {
      if ("problem" in plan) {
        showNotice(plan.problem);
        return undefined;
      }
      send(plan.ops, true);
      return plan.createdId;
    },
    [send, showNotice],
  );

  // ---- selection, editing and transient gesture state ----
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [editingId, setEditingId] = useState<string | null>(null);
  const [carried, setCarried] = useState<ReadonlyMap<string, Point>>(noCarried);
  const [dropZoneId, setDropZoneId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  // Forget selected or edited elements that are gone (deleted here, by the peer, or by an undo).
  useEffect(() => {
    setSelected((previous) => {
      const live = [...previous].filter((id) => kindOf(view, id) !== null);
      return live.length === previous.size ? previous : new Set(live);
    });
    setEditingId((previous) => (previous !== null && kindOf(view, previous) === null ? null : previous));
  }, [view]);

  // ---- React Flow nodes and edges ----
  const [nodes, setNodes] = useState<DiagramFlowNode[]>([]);
  const overlays = useMemo<FlowOverlays>(
    () => ({ selected, peerDrags, carried, dropZoneId, readOnly }),
    [selected, peerDrags, carried, dropZoneId, readOnly],
  );
  useLayoutEffect(() => {
    setNodes((previous) => syncFlowNodes(previous, view, components, overlays));
  }, [view, components, overlays]);

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
      // Removal goes through ops (Delete key, toolbar); React Flow only reports geometry and measurement here.
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

  // ---- fitting the view ----
  const fit = useCallback(() => void flow.fitView({ padding: 0.12, duration: 250, maxZoom: 1.25 }), [flow]);
  const fittedOnce = useRef(false);
  useEffect(() => {
    if (fittedOnce.current || nodes.length === 0) return;
    fittedOnce.current = true;
    // After React Flow has measured the first nodes.
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.12, maxZoom: 1 }));
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
    [currentView, ids, perform],
  );

  const viewportCenter = useCallback((): Point => {
    const rect = paneRef.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    return flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
  }, [flow]);

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

  // ---- moving ----
  const dragPreviewBudget = useMemo(() => createBatchBudget(VOLATILE_PER_SECOND), []);
  const dragMembers = useRef<Map<string, string[]>>(new Map());

  const onDragStart = useCallback(
    (dragged: DiagramFlowNode[]) => {
      const draggedIds = new Set(dragged.map((n) => n.id));
      const members = new Map<string, string[]>();
      const doc = currentView();
      for (const n of dragged) {
        if (n.type !== "zone") continue;
        members.set(n.id, [...doc.nodes.values()].filter((m) => m.zoneId === n.id && !draggedIds.has(m.id)).map((m) => m.id));
      }
      dragMembers.current = members;
    },
    [currentView],
  );

  const onDrag = useCallback(
    (primary: DiagramFlowNode | undefined, dragged: DiagramFlowNode[]) => {
      const doc = currentView();
      // Members of a dragged zone ride along on screen; the ops that move them are sent at the drop.
      const offsets = new Map<string, Point>();
      for (const [zoneId, memberIds] of dragMembers.current) {
        const zone = doc.zones.get(zoneId);
        const now = dragged.find((n) => n.id === zoneId)?.position;
        if (!zone || !now) continue;
        for (const memberId of memberIds) offsets.set(memberId, { x: now.x - zone.x, y: now.y - zone.y });
      }
      if (offsets.size > 0) setCarried(offsets);

      if (primary && primary.type !== "zone") {
        const node = doc.nodes.get(primary.id);
        const finalZones = [...doc.zones.values()].map((z) => {
          const moving = dragged.find((n) => n.id === z.id);
          return moving ? { ...z, ...moving.position } : z;
        });
        setDropZoneId(node ? zoneAt(finalZones, boxCenter({ ...node, ...primary.position })) : null);
      }

      const preview = latest.current.onDragPreview;
      if (preview && dragPreviewBudget(dragged.length)) {
        for (const n of dragged) preview(n.id, Math.round(n.position.x), Math.round(n.position.y));
      }
    },
    [currentView, dragPreviewBudget, latest],
  );

  const onDragStop = useCallback(
    (dragged: DiagramFlowNode[]) => {
      send(planMove(currentView(), ids, new Map(dragged.map((n) => [n.id, n.position]))), true);
      dragMembers.current = new Map();
      setCarried(noCarried);
      setDropZoneId(null);
    },
    [currentView, ids, send],
  );

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

  // ---- commands ----
  const undo = useCallback(() => {
    const ops = undoStack.undo(currentView());
    if (ops.length === 0) showNotice("Nothing of yours left to undo.");
    send(ops, false);
    historyChanged();
  }, [currentView, send, showNotice, undoStack]);

  const redo = useCallback(() => {
    send(undoStack.redo(currentView()), false);
    historyChanged();
  }, [currentView, send, undoStack]);

  const deleteSelection = useCallback(() => {
    send(planDelete(currentView(), ids, selected), true);
    setSelected(new Set());
  }, [currentView, ids, selected, send]);

  const nudge = useCallback(
    (dx: number, dy: number) => {
      const doc = currentView();
      const moved = new Map<string, Point>();
      for (const id of selected) {
        const element = doc.nodes.get(id) ?? doc.zones.get(id);
        if (element) moved.set(id, { x: element.x + dx, y: element.y + dy });
      }
      send(planMove(doc, ids, moved), true);
    },
    [currentView, ids, selected, send],
  );

  const run = useCallback(
    (command: CanvasCommand) => {
      const editable = !latest.current.readOnly;
      if (typeof command === "object") {
        if (editable) nudge(command.nudge.dx, command.nudge.dy);
        return;
      }
      switch (command) {
        case "undo":
          if (editable) undo();
          break;
        case "redo":
          if (editable) redo();
          break;
        case "delete":
          if (editable) deleteSelection();
          break;
        case "rename":
          if (editable && selected.size === 1) setEditingId([...selected][0]);
          break;
        case "selectAll": {
          const doc = currentView();
          setSelected(new Set([...doc.nodes.keys(), ...doc.zones.keys(), ...doc.links.keys()]));
          break;
        }
        case "clearSelection":
          setSelected(new Set());
          setHelpOpen(false);
          break;
        case "fitView":
          fit();
          break;
        case "zoomIn":
          void flow.zoomIn({ duration: 150 });
          break;
        case "zoomOut":
          void flow.zoomOut({ duration: 150 });
          break;
        case "toggleHelp":
          setHelpOpen((open) => !open);
          break;
      }
    },
    [currentView, deleteSelection, fit, flow, latest, nudge, redo, selected, undo],
  );

  const runRef = useLatest(run);
  const selectedRef = useLatest(selected);
  useEffect(() => {
    // Capture phase, so arrow keys reach the canvas before React Flow moves focused nodes without telling anyone.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const root = rootRef.current;
      const inCanvas = event.target === document.body || (event.target instanceof Node && root?.contains(event.target));
      if (!inCanvas) return;
      const command = commandFor(event);
      if (command === null) return;
      if (typeof command === "object" && selectedRef.current.size === 0) return;
      event.preventDefault();
      event.stopPropagation();
      runRef.current(command);
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [runRef, selectedRef]);

  // ---- the peer: our cursor out, theirs in ----
  const sendCursor = useMemo(
    () => throttle((x: number, y: number) => latest.current.onCursor?.(x, y), 1000 / VOLATILE_PER_SECOND),
    [latest],
  );
  useEffect(() => () => sendCursor.cancel(), [sendCursor]);
  const onPointerMove = (event: PointerEvent) => {
    if (!latest.current.onCursor) return;
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    sendCursor(Math.round(p.x), Math.round(p.y));
  };

  // ---- label edits and resizes reported by nodes and links ----
  const ui = useMemo<CanvasUi>(
    () => ({
      readOnly,
      editingId,
      peerName: peerCursor?.name ?? "Your partner",
      startEditing: (id) => !latest.current.readOnly && setEditingId(id),
      cancelEditing: () => setEditingId(null),
      commitLabel: (id, text) => {
        setEditingId(null);
        send(planRename(currentView(), ids, id, text), true);
      },
      resizeEnd: (id: string, box: Box) => send(planResize(currentView(), ids, id, box), true),
    }),
    [readOnly, editingId, peerCursor?.name, latest, send, currentView, ids],
  );

  const count = elementCount(view);
  const addProblem = readOnly ? null : capacityProblem(view);
  const isEmpty = count === 0;

  return (
    <CanvasUiContext.Provider value={ui}>
      <div ref={rootRef} className={`dc-root${readOnly ? " is-read-only" : ""}`}>
        {!readOnly && <Palette components={components} disabledReason={addProblem} onAdd={(tool) => addTool(tool, viewportCenter())} />}
        <div ref={paneRef} className="dc-stage" onDragOver={onDragOver} onDrop={onDrop} onPointerMove={onPointerMove}>
          <ReactFlow<DiagramFlowNode, LinkFlowEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onNodeDragStart={(_, __, dragged) => onDragStart(dragged)}
            onNodeDrag={(_, node, dragged) => onDrag(node, dragged)}
            onNodeDragStop={(_, __, dragged) => onDragStop(dragged)}
            onSelectionDragStart={(_, dragged) => onDragStart(dragged)}
            onSelectionDrag={(_, dragged) => onDrag(dragged[0], dragged)}
            onSelectionDragStop={(_, dragged) => onDragStop(dragged)}
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
            proOptions={{ hideAttribution: true }}
            aria-label="Architecture diagram"
          >
            <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} color="#cfd4e3" />
            {!isEmpty && <MiniMap<DiagramFlowNode>
              pannable
              zoomable
              ariaLabel="Overview of the whole diagram"
              nodeBorderRadius={6}
              nodeStrokeWidth={0}
              maskColor="rgba(246, 247, 251, 0.72)"
              nodeColor={(n) => minimapColor(n, view, components)}
            />}
            {peerCursor && <PeerCursor cursor={peerCursor} />}
          </ReactFlow>

          <Toolbar
            readOnly={readOnly}
            canUndo={undoStack.canUndo}
            canRedo={undoStack.canRedo}
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
