import { useReactFlow, useStore } from "@xyflow/react";
import { toolGlyphs } from "../icons";
import { ToolButton } from "./Toolbar";

/** Zoom out / level / zoom in / fit, bottom left, like most canvas tools. */
export function ZoomControls({ onFit }: { onFit(): void }) {
  const { zoomIn, zoomOut, zoomTo } = useReactFlow();
  const zoom = useStore((s) => s.transform[2]);
  return (
    <div className="dc-zoom" role="group" aria-label="Zoom">
      <ToolButton glyph={toolGlyphs.zoomOut} label="Zoom out" shortcut="-" onClick={() => void zoomOut({ duration: 150 })} />
      <button type="button" className="dc-zoom-level" title="Reset zoom to 100%" aria-label={`Zoom ${Math.round(zoom * 100)}%, reset to 100%`} onClick={() => void zoomTo(1, { duration: 150 })}>
        {Math.round(zoom * 100)}%
      </button>
      <ToolButton glyph={toolGlyphs.zoomIn} label="Zoom in" shortcut="+" onClick={() => void zoomIn({ duration: 150 })} />
      <ToolButton glyph={toolGlyphs.fit} label="Fit diagram to view" shortcut="Shift+1" onClick={onFit} />
    </div>
  );
}
