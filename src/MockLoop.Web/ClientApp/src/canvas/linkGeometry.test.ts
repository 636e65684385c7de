import { describe, expect, it } from "vitest";
import { facingSides, linkGeometry } from "./linkGeometry";

const box = (x: number, y: number, width = 200, height = 60) => ({ x, y, width, height });

describe("link geometry", () => {
  it("joins boxes side by side from right to left", () => {
    expect(facingSides(box(0, 0), box(400, 30))).toEqual(["right", "left"]);
    expect(facingSides(box(400, 30), box(0, 0))).toEqual(["left", "right"]);
  });

  it("joins stacked boxes from bottom to top, even when they are wider than the gap between them", () => {
    expect(facingSides(box(0, 0, 400), box(100, 120, 400))).toEqual(["bottom", "top"]);
    expect(facingSides(box(0, 300), box(0, 0))).toEqual(["top", "bottom"]);
  });

  it("starts and ends on the facing sides' midpoints with the label halfway", () => {
    const g = linkGeometry(box(0, 0), box(400, 0));
    expect(g.start).toEqual({ x: 200, y: 30 });
    expect(g.end).toEqual({ x: 400, y: 30 });
    expect(g.label).toEqual({ x: 300, y: 30 });
    expect(g.path.startsWith("M200,30 C")).toBe(true);
  });

  it("points the arrowhead into the target box", () => {
    const g = linkGeometry(box(0, 0), box(400, 0));
    expect(g.arrowHead).toBe("M400,30 L390,25.5 L390,34.5 Z");
  });
});
