// What custom nodes and edges need from the canvas besides their own data: whether editing is allowed, which label is
// being edited, and how to report an edit. A context instead of node data keeps the data plain and comparable.

import { createContext, useContext } from "react";
import type { Box } from "../linkGeometry";

export interface CanvasUi {
  readOnly: boolean;
  /** The element whose label is being edited inline, if any. */
  editingId: string | null;
  peerName: string;
  startEditing(id: string): void;
  commitLabel(id: string, text: string): void;
  cancelEditing(): void;
  resizeEnd(id: string, box: Box): void;
}

export const CanvasUiContext = createContext<CanvasUi | null>(null);

export function useCanvasUi(): CanvasUi {
  const ui = useContext(CanvasUiContext);
  if (!ui) throw new Error("Diagram nodes must be rendered inside DiagramCanvas.");
  return ui;
}
