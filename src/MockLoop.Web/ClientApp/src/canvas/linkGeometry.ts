// Where a link is drawn: from the side of the source box that faces the target to the side of the target that faces
// the source, as a cubic curve leaving each box at a right angle. Pure, so the live canvas and the SVG export agree.

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = "top" | "right" | "bottom" | "left";

export interface LinkGeometry {
  path: string;
  start: Point;
  end: Point;
  /** The curve's midpoint, where the label sits. */
  label: Point;
  /** A closed triangle whose tip touches the target box; the curve arrives at a right angle, so it points straight in. */
  arrowHead: string;
  sourceSide: Side;
  targetSide: Side;
}

const normals: Record<Side, Point> = {
  top: { x: 0, y: -1 },
  right: { x: 1, y: 0 },
  bottom: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
};

const center = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

function sideMidpoint(box: Box, side: Side): Point {
  switch (side) {
    case "top":
      return { x: box.x + box.width / 2, y: box.y };
    case "right":
      return { x: box.x + box.width, y: box.y + box.height / 2 };
    case "bottom":
      return { x: box.x + box.width / 2, y: box.y + box.height };
    case "left":
      return { x: box.x, y: box.y + box.height / 2 };
  }
}

/** Compares the gap between the boxes on each axis, so wide boxes side by side still connect left-right. */
export function facingSides(source: Box, target: Box): [Side, Side] {
  const s = center(source);
  const t = center(target);
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const gapX = Math.abs(dx) - (source.width + target.width) / 2;
  const gapY = Math.abs(dy) - (source.height + target.height) / 2;
  const horizontal = gapX > gapY;
  if (horizontal) return dx >= 0 ? ["right", "left"] : ["left", "right"];
  return dy >= 0 ? ["bottom", "top"] : ["top", "bottom"];
}

const ARROW_LENGTH = 10;
const ARROW_WIDTH = 9;

const round = (n: number) => Math.round(n * 10) / 10;

export function linkGeometry(source: Box, target: Box): LinkGeometry {
  const [sourceSide, targetSide] = facingSides(source, target);
  const start = sideMidpoint(source, sourceSide);
  const end = sideMidpoint(target, targetSide);
  const distance = Math.hypot(end.x - start.x, end.y - start.y);
  const pull = Math.min(120, Math.max(24, distance * 0.4));
  const c1 = { x: start.x + normals[sourceSide].x * pull, y: start.y + normals[sourceSide].y * pull };
  const c2 = { x: end.x + normals[targetSide].x * pull, y: end.y + normals[targetSide].y * pull };
  // The point at t = 0.5 of a cubic Bézier curve.
  const label = { x: (start.x + 3 * c1.x + 3 * c2.x + end.x) / 8, y: (start.y + 3 * c1.y + 3 * c2.y + end.y) / 8 };
  const path = `M${round(start.x)},${round(start.y)} C${round(c1.x)},${round(c1.y)} ${round(c2.x)},${round(c2.y)} ${round(end.x)},${round(end.y)}`;
  const n = normals[targetSide];
  const base = { x: end.x + n.x * ARROW_LENGTH, y: end.y + n.y * ARROW_LENGTH };
  const half = ARROW_WIDTH / 2;
  const arrowHead =
    `M${round(end.x)},${round(end.y)} L${round(base.x - n.y * half)},${round(base.y + n.x * half)} ` +
    `L${round(base.x + n.y * half)},${round(base.y - n.x * half)} Z`;
  return { path, start, end, label, arrowHead, sourceSide, targetSide };
}
