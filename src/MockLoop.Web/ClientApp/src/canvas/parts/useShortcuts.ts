import { useEffect, type RefObject } from "react";
import { commandFor, isTypingTarget, type CanvasCommand } from "./keyboard";
import { useLatest } from "./useLatest";

/**
 * Canvas shortcuts, for key presses inside the canvas or with nothing focused. Listens in the capture phase so arrow
 * keys reach the canvas before React Flow moves focused nodes on its own (which would bypass the ops).
 */
export function useShortcuts(rootRef: RefObject<HTMLElement | null>, hasSelection: boolean, run: (command: CanvasCommand) => void) {
  const latest = useLatest({ hasSelection, run });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const root = rootRef.current;
      const inCanvas = event.target === document.body || (event.target instanceof Node && root?.contains(event.target));
      if (!inCanvas) return;
      const command = commandFor(event);
      if (command === null) return;
      if (typeof command === "object" && !latest.current.hasSelection) return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.run(command);
    };
    window.addEventListener("keydown", onKeyDown, true);
    return () => window.removeEventListener("keydown", onKeyDown, true);
  }, [latest, rootRef]);
}
