// Which key presses are canvas shortcuts. Kept apart from the component so the rules are readable in one place.

export type CanvasCommand =
  | "undo"
  | "redo"
  | "delete"
  | "rename"
  | "selectAll"
  | "clearSelection"
  | "fitView"
  | "zoomIn"
  | "zoomOut"
  | "toggleHelp"
  | { nudge: { dx: number; dy: number } };

export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const arrows: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function commandFor(press: KeyPress): CanvasCommand | null {
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.altKey) return null;
  if (mod && key === "z") return press.shiftKey ? "redo" : "undo";
  if (mod && key === "y") return "redo";
  if (mod && key === "a") return "selectAll";
  if (mod) return null;
  if (key === "Delete" || key === "Backspace") return "delete";
  if (key === "F2") return "rename";
  if (key === "Escape") return "clearSelection";
  if (key === "?") return "toggleHelp";
  // By code, so Shift+1 works on layouts where it types something other than "!".
  if (press.shiftKey && press.code === "Digit1") return "fitView";
  if (key === "+" || key === "=") return "zoomIn";
  if (key === "-" || key === "_") return "zoomOut";
  const arrow = arrows[press.key];
  if (arrow) {
    const step = press.shiftKey ? 10 : 1;
    return { nudge: { dx: arrow[0] * step, dy: arrow[1] * step } };
  }
  return null;
}

/** Typing in a field (a label editor, the palette search, a chat box elsewhere on the page) is never a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable='true']") !== null;
}
