import type { NodeProps } from "@xyflow/react";
import { diagramLimits } from "../diagramTypes";
import type { NoteFlowNode } from "../flowModel";
import { minSizes } from "../gestures";
import { useCanvasUi } from "./canvasUi";
import { ElementResizer } from "./ElementResizer";
import { ConnectHandles } from "./ConnectHandles";
import { LabelEditor } from "./LabelEditor";
import { PeerTag } from "./PeerTag";

/** A free-text sticky note; it may hold up to 2,000 characters and wraps inside its box. */
export function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  const ui = useCanvasUi();
  const editing = ui.editingId === id;
  return (
    <div className={`dc-node dc-note${selected ? " is-selected" : ""}${data.peerDragging ? " is-peer-dragging" : ""}`}>
      <ElementResizer id={id} visible={selected && !ui.readOnly && !editing} min={minSizes.note} />
      <ConnectHandles connectable={!ui.readOnly} />
      {editing ? (
        <LabelEditor
          multiline
          initial={data.label}
          maxLength={diagramLimits.maxNoteLength}
          ariaLabel="Note text"
          placeholder="Type a note…"
          onCommit={(text) => ui.commitLabel(id, text)}
          onCancel={ui.cancelEditing}
        />
      ) : data.label === "" ? (
        <span className="dc-note-text is-empty">{ui.readOnly ? "Empty note" : "Double-click to write"}</span>
      ) : (
        <span className="dc-note-text nowheel">{data.label}</span>
      )}
      {data.peerDragging && <PeerTag name={ui.peerName} />}
    </div>
  );
}
