import { describe, expect, it } from "vitest";
import { commandFor, type KeyPress } from "./keyboard";

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: "",
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...extra,
});

describe("canvas shortcuts", () => {
  it("undoes with Ctrl/Cmd+Z and redoes with Shift or Ctrl+Y", () => {
    expect(commandFor(press("z", { ctrlKey: true }))).toBe("undo");
    expect(commandFor(press("z", { metaKey: true }))).toBe("undo");
    expect(commandFor(press("Z", { metaKey: true, shiftKey: true }))).toBe("redo");
    expect(commandFor(press("y", { ctrlKey: true }))).toBe("redo");
  });

  it("deletes with Delete and Backspace, but not with a modifier held", () => {
    expect(commandFor(press("Delete"))).toBe("delete");
    expect(commandFor(press("Backspace"))).toBe("delete");
    expect(commandFor(press("Backspace", { ctrlKey: true }))).toBeNull();
  });

  it("fits the view with Shift+1 on any layout", () => {
    expect(commandFor(press("!", { shiftKey: true, code: "Digit1" }))).toBe("fitView");
  });

  it("nudges by 1, or by 10 with Shift", () => {
    expect(commandFor(press("ArrowLeft"))).toEqual({ nudge: { dx: -1, dy: 0 } });
    expect(commandFor(press("ArrowDown", { shiftKey: true }))).toEqual({ nudge: { dx: 0, dy: 10 } });
  });

  it("opens help with ?", () => {
    expect(commandFor(press("?", { shiftKey: true }))).toBe("toggleHelp");
  });

  it("ignores ordinary letters", () => {
    expect(commandFor(press("a"))).toBeNull();
  });
});
