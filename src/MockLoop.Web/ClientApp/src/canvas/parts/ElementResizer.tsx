import { NodeResizer } from "@xyflow/react";
import { diagramLimits } from "../diagramTypes";
import { useCanvasUi } from "./canvasUi";

/** The resize frame every element shares: bounded by the document's size limits, one op when the drag ends. */
export function ElementResizer({ id, visible, min }: { id: string; visible: boolean; min: { width: number; height: number } }) {
  const ui = useCanvasUi();
  return (
    <NodeResizer
      isVisible={visible}
      minWidth={min.width}
      minHeight={min.height}
      maxWidth={diagramLimits.maxSize}
      maxHeight={diagramLimits.maxSize}
      color="var(--brand)"
      handleClassName="dc-resize-handle"
      lineClassName="dc-resize-line"
      onResizeEnd={(_, box) => ui.resizeEnd(id, box)}
    />
  );
}
