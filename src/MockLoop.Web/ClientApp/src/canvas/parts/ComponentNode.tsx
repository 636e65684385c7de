import type { NodeProps } from "@xyflow/react";
import type { CSSProperties } from "react";
import { diagramLimits } from "../diagramTypes";
import type { ComponentFlowNode } from "../flowModel";
import { minSizes } from "../gestures";
import { GlyphIcon } from "../GlyphIcon";
import { useCanvasUi } from "./canvasUi";
import { ElementResizer } from "./ElementResizer";
import { ConnectHandles } from "./ConnectHandles";
import { LabelEditor } from "./LabelEditor";
import { PeerTag } from "./PeerTag";

/** A component from the vocabulary: its category's colour and its own glyph, the label, and its type when renamed. */
export function ComponentNode({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const ui = useCanvasUi();
  const editing = ui.editingId === id;
  const style = { "--cat": data.color, "--cat-soft": data.soft } as CSSProperties;
  const showType = data.typeTitle.toLowerCase() !== data.label.trim().toLowerCase();
  return (
    <div
      className={`dc-node dc-component${selected ? " is-selected" : ""}${data.peerDragging ? " is-peer-dragging" : ""}`}
      style={style}
      title={editing ? undefined : data.description || data.typeTitle}
    >
      <ElementResizer id={id} visible={selected && !ui.readOnly && !editing} min={minSizes.component} />
      <ConnectHandles connectable={!ui.readOnly} />
      <span className="dc-node-icon">
        <GlyphIcon glyph={data.glyph} size={20} />
      </span>
      <span className="dc-node-text">
        {editing ? (
          <LabelEditor
            initial={data.label}
            maxLength={diagramLimits.maxLabelLength}
            ariaLabel={`Name of this ${data.typeTitle}`}
            onCommit={(text) => ui.commitLabel(id, text)}
            onCancel={ui.cancelEditing}
          />
        ) : (
          <span className="dc-node-label">{data.label}</span>
        )}
        {showType && !editing && <span className="dc-node-type">{data.typeTitle}</span>}
      </span>
      {data.peerDragging && <PeerTag name={ui.peerName} />}
    </div>
  );
}
