import { BaseEdge, EdgeLabelRenderer, useInternalNode, type EdgeProps, type InternalNode } from "@xyflow/react";
import { diagramLimits } from "../diagramTypes";
import type { LinkFlowEdge } from "../flowModel";
import { linkGeometry, type Box } from "../linkGeometry";
import { useCanvasUi } from "./canvasUi";
import { LabelEditor } from "./LabelEditor";

// React Flow's live geometry (not the document's), so a link follows its nodes during a drag.
const liveBox = (node: InternalNode): Box => ({
  x: node.internals.positionAbsolute.x,
  y: node.internals.positionAbsolute.y,
  width: node.measured.width ?? node.width ?? 0,
  height: node.measured.height ?? node.height ?? 0,
});

/** A curved link between facing sides, with an arrowhead when directed and an optional label (double-click to edit). */
export function LinkEdge({ id, source, target, data, selected }: EdgeProps<LinkFlowEdge>) {
  const ui = useCanvasUi();
  const sourceNode = useInternalNode(source);
  const targetNode = useInternalNode(target);
  if (!sourceNode || !targetNode) return null;

  const geometry = linkGeometry(liveBox(sourceNode), liveBox(targetNode));
  const editing = ui.editingId === id;
  const label = data?.label ?? null;
  return (
    <>
      <BaseEdge id={id} path={geometry.path} interactionWidth={18} className={`dc-link${selected ? " is-selected" : ""}`} />
      {(data?.directed ?? true) && <path d={geometry.arrowHead} className={`dc-link-arrow${selected ? " is-selected" : ""}`} />}
      {(label !== null || editing) && (
        <EdgeLabelRenderer>
          <div
            className={`dc-link-label nodrag nopan${selected ? " is-selected" : ""}${editing ? " is-editing" : ""}`}
            style={{ transform: `translate(-50%, -50%) translate(${geometry.label.x}px, ${geometry.label.y}px)` }}
            onDoubleClick={(event) => {
              event.stopPropagation();
              if (!ui.readOnly) ui.startEditing(id);
            }}
          >
            {editing ? (
              <LabelEditor
                initial={label ?? ""}
                maxLength={diagramLimits.maxLabelLength}
                ariaLabel="Link label"
                placeholder="Label"
                onCommit={(text) => ui.commitLabel(id, text)}
                onCancel={ui.cancelEditing}
              />
            ) : (
              label
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
