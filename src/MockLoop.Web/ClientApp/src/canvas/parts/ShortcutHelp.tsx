import { modKey } from "./Toolbar";

const shortcuts: [keys: string, action: string][] = [
  ["Drag from the palette", "Add a component, note or zone"],
  ["Enter on a palette item", "Add it at the centre of the view"],
  ["Drag a node's edge dot to another node", "Link them (the arrow points at the second)"],
  ["Double-click, or F2", "Rename; Enter saves, Escape cancels"],
  ["Shift+click, or drag on empty canvas", "Select several"],
  [`${modKey}+A`, "Select everything"],
  ["Arrow keys (Shift: by 10)", "Nudge the selection"],
  ["Delete or Backspace", "Delete the selection"],
  [`${modKey}+Z`, "Undo your last change"],
  [`${modKey}+Shift+Z or Ctrl+Y`, "Redo"],
  ["Scroll, Space+drag, right-drag", "Pan"],
  [`${modKey}+scroll, pinch, + and −`, "Zoom"],
  ["Shift+1", "Fit the diagram to the view"],
  ["Escape", "Clear the selection"],
];

/** The "?" popover: every shortcut in one place. */
export function ShortcutHelp({ readOnly, onClose }: { readOnly: boolean; onClose(): void }) {
  const shown = readOnly ? shortcuts.filter(([, action]) => /Pan|Zoom|Fit|Select|Clear/.test(action)) : shortcuts;
  return (
    <div className="dc-help" role="dialog" aria-label="Keyboard shortcuts">
      <div className="dc-help-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="dc-help-close" aria-label="Close shortcuts" onClick={onClose}>
          ×
        </button>
      </div>
      <dl>
        {shown.map(([keys, action]) => (
          <div key={keys} className="dc-help-row">
            <dt>{keys}</dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <p className="dc-help-foot">Undo only reverts your own changes. Undoing a delete brings the element back as a copy.</p>
    </div>
  );
}
