import type { ReactNode } from "react";
import { diagramLimits } from "../diagramTypes";
import { GlyphIcon } from "../GlyphIcon";
import { toolGlyphs, type Glyph } from "../icons";

interface ToolbarProps {
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  selectionCount: number;
  elementCount: number;
  helpOpen: boolean;
  onUndo(): void;
  onRedo(): void;
  onDelete(): void;
  onExportSvg(): void;
  onExportPng(): void;
  onToggleHelp(): void;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
export const modKey = isMac ? "⌘" : "Ctrl";

export function Toolbar(props: ToolbarProps) {
  const { readOnly, canUndo, canRedo, selectionCount, elementCount } = props;
  const nearLimit = elementCount >= diagramLimits.maxElements * 0.9;
  return (
    <div className="dc-toolbar" role="toolbar" aria-label="Diagram">
      {readOnly ? (
        <span className="dc-readonly-badge">
          <GlyphIcon glyph={toolGlyphs.lock} size={14} />
          Read-only
        </span>
      ) : (
        <>
          <ToolButton glyph={toolGlyphs.undo} label="Undo" shortcut={`${modKey}+Z`} disabled={!canUndo} onClick={props.onUndo} />
          <ToolButton glyph={toolGlyphs.redo} label="Redo" shortcut={`${modKey}+Shift+Z`} disabled={!canRedo} onClick={props.onRedo} />
          <span className="dc-toolbar-sep" aria-hidden="true" />
          <ToolButton
            glyph={toolGlyphs.trash}
            label={selectionCount > 1 ? `Delete ${selectionCount} selected` : "Delete selected"}
            shortcut="Delete"
            disabled={selectionCount === 0}
            onClick={props.onDelete}
          />
        </>
      )}
      <span className="dc-toolbar-sep" aria-hidden="true" />
      <ToolButton glyph={toolGlyphs.download} label="Export as SVG" onClick={props.onExportSvg}>
        SVG
      </ToolButton>
      <ToolButton glyph={toolGlyphs.download} label="Export as PNG" onClick={props.onExportPng}>
        PNG
      </ToolButton>
      <span className="dc-toolbar-sep" aria-hidden="true" />
      <span
        className={`dc-count${nearLimit ? " is-near-limit" : ""}`}
        title={`A diagram holds at most ${diagramLimits.maxElements} nodes, zones and links`}
      >
        {elementCount} / {diagramLimits.maxElements}
      </span>
      <ToolButton glyph={toolGlyphs.help} label="Keyboard shortcuts" shortcut="?" pressed={props.helpOpen} onClick={props.onToggleHelp} />
    </div>
  );
}

interface ToolButtonProps {
  glyph: Glyph;
  label: string;
  shortcut?: string;
  disabled?: boolean;
  pressed?: boolean;
  children?: ReactNode;
  onClick(): void;
}

export function ToolButton({ glyph, label, shortcut, disabled, pressed, children, onClick }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`dc-tool${children ? " has-text" : ""}`}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-label={label}
      aria-keyshortcuts={shortcut}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      <GlyphIcon glyph={glyph} size={18} />
      {children}
    </button>
  );
}
