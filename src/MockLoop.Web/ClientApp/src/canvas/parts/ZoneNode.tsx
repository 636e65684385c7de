import type { NodeProps } from "@xyflow/react";
import { diagramLimits } from "../diagramTypes";
import type { ZoneFlowNode } from "../flowModel";
import { minSizes } from "../gestures";
import { GlyphIcon } from "../GlyphIcon";
import { toolGlyphs } from "../icons";
import { useCanvasUi } from "./canvasUi";
import { ElementResizer } from "./ElementResizer";
import { LabelEditor } from "./LabelEditor";
import { PeerTag } from "./PeerTag";

/**
 * A labelled group box drawn behind nodes and links. Only its header takes the pointer (drag it to move the zone
 * with its members, double-click to rename); the body lets clicks through so a box selection can start inside it.
 */
export function ZoneNode({ id, data, selected }: NodeProps<ZoneFlowNode>) {
  const ui = useCanvasUi();
  const editing = ui.editingId === id;
  const classes = ["dc-zone", selected && "is-selected", data.dropTarget && "is-drop-target", data.peerDragging && "is-peer-dragging"];
  return (
    <div className={classes.filter(Boolean).join(" ")}>
      <ElementResizer id={id} visible={selected && !ui.readOnly} min={minSizes.zone} />
      <div className="dc-zone-header" onDoubleClick={() => !ui.readOnly && ui.startEditing(id)}>
        <GlyphIcon glyph={toolGlyphs.zone} size={14} />
        {editing ? (
          <LabelEditor
            initial={data.label}
            maxLength={diagramLimits.maxLabelLength}
            ariaLabel="Zone name"
            onCommit={(text) => ui.commitLabel(id, text)}
            onCancel={ui.cancelEditing}
          />
        ) : (
          <span className="dc-zone-label">{data.label}</span>
        )}
        {!editing && data.memberCount > 0 && <span className="dc-zone-count">{data.memberCount}</span>}
      </div>
      {data.peerDragging && <PeerTag name={ui.peerName} />}
    </div>
  );
}
