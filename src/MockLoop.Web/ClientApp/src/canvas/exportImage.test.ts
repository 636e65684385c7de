// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { applyOps, emptyDocument } from "./diagramDocument";
import type { ComponentType } from "./diagramTypes";
import { buildDiagramSvg, exportFileName, fitText, wrapText } from "./exportImage";
import { addLink, addNode, addZone, link, node, zone } from "./testing/diagramKit";

const components: ComponentType[] = [
  { id: "feature-store", label: "Feature store", category: "data", description: "" },
  { id: "ranking-model", label: "Ranking model", category: "ml-serving", description: "" },
];

const doc = applyOps(emptyDocument, [
  addZone(zone("z_1", { label: "Online serving", x: 100, y: 100, width: 600, height: 300 })),
  addNode(node("n_a", { componentType: "ranking-model", label: "Ranker", x: 140, y: 160, zoneId: "z_1" })),
  addNode(node("n_b", { componentType: "feature-store", label: "Feature store", x: 440, y: 160 })),
  addNode(node("n_note", { componentType: "note", label: "Cache features for 5 minutes <fresh enough>", x: 140, y: 300, width: 200, height: 80 })),
  addLink(link("l_1", "n_a", "n_b", { label: "reads features" })),
  addLink(link("l_2", "n_b", "n_note", { directed: false })),
]);

const parse = (svg: string) => new DOMParser().parseFromString(svg, "image/svg+xml");

describe("SVG export", () => {
  it("produces a well-formed standalone SVG sized to the diagram plus a margin", () => {
    const { svg, width, height } = buildDiagramSvg(doc, components);
    const parsed = parse(svg);
    expect(parsed.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(parsed.documentElement.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    expect(width).toBe(600 + 80);
    expect(height).toBe(300 + 80);
  });

  it("draws zones, links and nodes with their labels, type names and category colours", () => {
    const { svg } = buildDiagramSvg(doc, components);
    const parsed = parse(svg);
    const texts = [...parsed.getElementsByTagName("text")].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(["Online serving", "Ranker", "Ranking model", "reads features"]));
    // A node named after its type shows the name once.
    expect(texts.filter((t) => t === "Feature store")).toHaveLength(1);
    expect(svg).toContain("#db2777");
    expect(svg).toContain("#0f766e");
  });

  it("gives directed links an arrowhead and undirected ones none", () => {
    const parsed = parse(buildDiagramSvg(doc, components).svg);
    const pathsOf = (id: string) => parsed.querySelector(`g.link[data-id="${id}"]`)?.getElementsByTagName("path").length;
    expect(pathsOf("l_1")).toBe(2);
    expect(pathsOf("l_2")).toBe(1);
  });

  it("escapes text so labels cannot inject markup", () => {
    const hostile = applyOps(emptyDocument, [addNode(node("n_x", { label: `<script>alert("x")</script> & co` }))]);
    const { svg } = buildDiagramSvg(hostile, components);
    expect(svg).not.toContain("<script>");
    expect(parse(svg).getElementsByTagName("parsererror")).toHaveLength(0);
  });

  it("wraps note text inside the note", () => {
    const parsed = parse(buildDiagramSvg(doc, components).svg);
    const lines = [...parsed.querySelectorAll('g.note[data-id="n_note"] text')].map((t) => t.textContent ?? "");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toContain("<fresh enough>");
  });

  it("says so when the diagram is empty", () => {
    expect(buildDiagramSvg(emptyDocument, components).svg).toContain("Empty diagram");
  });

  it("names files after the local date", () => {
    expect(exportFileName("png", new Date(2025, 2, 4, 9, 30))).toBe("diagram-2025-03-04.png");
  });
});

describe("text layout without a browser", () => {
  it("ellipsises text that does not fit", () => {
    expect(fitText("Short", 200, 14)).toBe("Short");
    const cut = fitText("A very long component name that cannot fit", 100, 14);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThan(20);
  });

  it("keeps paragraphs, breaks long words and ellipsises what does not fit", () => {
    expect(wrapText("one two\nthree", 500, 13, 5)).toEqual(["one two", "three"]);
    expect(wrapText("x".repeat(60), 100, 13, 10).length).toBeGreaterThan(1);
    const capped = wrapText("word ".repeat(100), 100, 13, 2);
    expect(capped).toHaveLength(2);
    expect(capped[1].endsWith("…")).toBe(true);
  });
});
