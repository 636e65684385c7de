import { useCallback, useMemo, useReducer, useRef } from "react";
import { applyOps, type DiagramDocument } from "../diagramDocument";
import type { DiagramOp } from "../diagramTypes";
import type { IdSource, Plan } from "../gestures";
import { UndoStack } from "../undoStack";
import { useLatest } from "./useLatest";

interface EditorInputs {
  view: DiagramDocument;
  readOnly: boolean;
  onOp(op: DiagramOp): void;
  newId(prefix: "n" | "z" | "l"): string;
  newOpId(): string;
}

/**
 * The one way the canvas changes the diagram: ops go out through onOp, each gesture is recorded for undo, and the
 * view the next gesture plans against includes ops already sent (the caller's new `view` may not have arrived yet
 * when two gestures land in the same tick).
 */
export function useDiagramEditor(inputs: EditorInputs, showProblem: (text: string) => void) {
  const latest = useLatest(inputs);
  const rolling = useRef({ base: inputs.view, current: inputs.view });
  const [, historyChanged] = useReducer((n: number) => n + 1, 0);

  const currentView = useCallback((): DiagramDocument => {
    const base = latest.current.view;
    return rolling.current.base === base ? rolling.current.current : base;
  }, [latest]);

  const ids = useMemo<IdSource>(
    () => ({ newId: (prefix) => latest.current.newId(prefix), newOpId: () => latest.current.newOpId() }),
    [latest],
  );
  const undoStack = useMemo(() => new UndoStack(ids), [ids]);

  /** Sends a gesture's ops; `record` is false for undo and redo, which the stack tracks itself. */
  const send = useCallback(
    (ops: DiagramOp[], record = true) => {
      if (ops.length === 0 || latest.current.readOnly) return;
      const before = currentView();
      if (record) undoStack.record(ops, before);
      rolling.current = { base: latest.current.view, current: applyOps(before, ops) };
      for (const op of ops) latest.current.onOp(op);
      historyChanged();
    },
    [currentView, latest, undoStack],
  );

  /** Sends a plan, or tells the person why it cannot be done. Returns the id of the element it created, if any. */
  const perform = useCallback(
    (plan: Plan): string | undefined => {
      if ("problem" in plan) {
        showProblem(plan.problem);
        return undefined;
      }
      send(plan.ops);
      return plan.createdId;
    },
    [send, showProblem],
  );

  const undo = useCallback(() => {
    if (latest.current.readOnly) return;
    const ops = undoStack.undo(currentView());
    if (ops.length === 0) showProblem("Nothing of yours left to undo.");
    send(ops, false);
    historyChanged();
  }, [currentView, latest, send, showProblem, undoStack]);

  const redo = useCallback(() => {
    if (latest.current.readOnly) return;
    send(undoStack.redo(currentView()), false);
    historyChanged();
  }, [currentView, latest, send, undoStack]);

  return { currentView, ids, send, perform, undo, redo, canUndo: undoStack.canUndo, canRedo: undoStack.canRedo };
}
