// @vitest-environment jsdom
// The canvas mounted in a DOM: the parts that do not need real layout (palette, keyboard, toolbar, limits, undo).
// Dragging, linking and resizing need a real browser and are exercised in the playground (see playground/main.tsx).

import { act, useSyncExternalStore } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyOps, emptyDocument, type DiagramDocument } from "./diagramDocument";
import type { DiagramOp } from "./diagramTypes";
import { DiagramCanvas } from "./DiagramCanvas";
import { sampleVocabulary } from "./playground/sampleVocabulary";
import { DiagramReplica } from "./testing/replica";
import { addLink, addNode, addZone, link, node, zone } from "./testing/diagramKit";

beforeAll(() => {
  // jsdom has no layout APIs; React Flow only needs them to exist.
  Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });
  class NoResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  class IdentityMatrix {
    m22 = 1;
  }
  Object.assign(window, { ResizeObserver: NoResizeObserver, DOMMatrixReadOnly: IdentityMatrix });
});

let container: HTMLDivElement;
let root: Root;
let sent: DiagramOp[];

beforeEach(() => {
  container = document.createElement("div");
  container.style.height = "800px";
  document.body.appendChild(container);
  root = createRoot(container);
  sent = [];
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function Harness({ replica, readOnly }: { replica: DiagramReplica; readOnly: boolean }) {
  const view = useSyncExternalStore((l) => replica.subscribe(l), () => replica.view());
  let n = 0;
  return (
    <DiagramCanvas
      view={view}
      components={sampleVocabulary}
      readOnly={readOnly}
      onOp={(op) => {
        sent.push(op);
        replica.applyLocal(op);
      }}
      newId={(prefix) => `${prefix}_test${++n}${Math.random().toString(36).slice(2, 6)}`}
      newOpId={() => `op_test${Math.random().toString(36).slice(2, 10)}`}
    />
  );
}

function mount(doc: DiagramDocument = emptyDocument, readOnly = false): DiagramReplica {
  const replica = new DiagramReplica(doc, 0);
  act(() => root.render(<Harness replica={replica} readOnly={readOnly} />));
  return replica;
}

const button = (name: string) => container.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`);

function press(key: string, init: KeyboardEventInit = {}) {
  act(() => {
    document.body.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init }));
  });
}

const seeded = () =>
  applyOps(emptyDocument, [
    addZone(zone("z_1")),
    addNode(node("n_a", { zoneId: "z_1" })),
    addNode(node("n_b", { x: 400 })),
    addLink(link("l_1", "n_a", "n_b")),
  ]);

describe("the diagram canvas", () => {
  it("offers every vocabulary component, grouped by category, plus notes and zones", () => {
    mount();
    for (const component of sampleVocabulary) expect(button(`Add ${component.label}`)).not.toBeNull();
    expect(button("Add Note")).not.toBeNull();
    expect(button("Add Zone")).not.toBeNull();
    const headings = [...container.querySelectorAll(".dc-palette-heading")].map((h) => h.textContent);
    expect(headings).toEqual(["Tools", "Clients", "Edge and networking", "Services", "Data and storage", "Streaming", "ML training", "ML serving", "Experimentation", "Observability", "Labelling"]);
  });

  it("adds a component from the palette without a mouse (Enter activates the focused item)", () => {
    const replica = mount();
    const item = button("Add Feature store")!;
    act(() => {
      item.focus();
      item.click();
    });
    expect(sent).toMatchObject([{ type: "addNode", node: { componentType: "feature-store", label: "Feature store", width: 200, height: 60 } }]);
    expect(replica.view().nodes.size).toBe(1);
  });

  it("selects everything, deletes it with the Delete key, and brings it back with Ctrl+Z", () => {
    const replica = mount(seeded());
    press("a", { ctrlKey: true });
    press("Delete");
    expect(sent.map((op) => op.type)).toEqual(["delete", "delete", "delete", "delete"]);
    expect(replica.view().nodes.size).toBe(0);

    press("z", { ctrlKey: true });
    const view = replica.view();
    expect(view.zones.size).toBe(1);
    expect(view.nodes.size).toBe(2);
    expect(view.links.size).toBe(1);
    expect([...view.nodes.values()].filter((n) => n.zoneId !== null)).toHaveLength(1);
  });

  it("ignores shortcuts typed into a field", () => {
    mount(seeded());
    press("a", { ctrlKey: true });
    const search = container.querySelector<HTMLInputElement>('input[type="search"]')!;
    act(() => {
      search.focus();
      search.dispatchEvent(new KeyboardEvent("keydown", { key: "Backspace", bubbles: true, cancelable: true }));
    });
    expect(sent).toEqual([]);
    press("Backspace");
    expect(sent).toHaveLength(4);
  });

  it("disables the palette with a clear message when the diagram is full", () => {
    const full = applyOps(emptyDocument, Array.from({ length: 500 }, (_, i) => addNode(node(`n_${i}`, { componentType: "note" }))));
    mount(full);
    expect(button("Add Note")?.disabled).toBe(true);
    expect(container.querySelector(".dc-palette-limit")?.textContent).toMatch(/limit of 500 elements/);
    expect(container.querySelector(".dc-count")?.textContent).toBe("500 / 500");
  });

  it("hides the palette and all editing in read-only mode but keeps export and zoom", () => {
    mount(seeded(), true);
    expect(container.querySelector(".dc-palette")).toBeNull();
    expect(button("Undo")).toBeNull();
    expect(button("Delete selected")).toBeNull();
    expect(button("Export as SVG")).not.toBeNull();
    expect(button("Zoom in")).not.toBeNull();
    press("a", { ctrlKey: true });
    press("Delete");
    expect(sent).toEqual([]);
  });

  it("opens the shortcut help with the ? button", () => {
    mount();
    act(() => button("Keyboard shortcuts")!.click());
    expect(container.querySelector('[role="dialog"]')?.textContent).toMatch(/Undo your last change/);
  });
});
