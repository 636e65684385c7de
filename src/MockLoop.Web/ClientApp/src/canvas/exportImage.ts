// Exports the diagram as an SVG built from the document itself (not a screenshot of the DOM), so the file is crisp,
// small, opens anywhere and looks the same whatever the viewport. PNG is that SVG rendered onto a canvas.

import type { DiagramDocument } from "./diagramDocument";
import { NOTE_TYPE, type ComponentType, type DiagramNode } from "./diagramTypes";
import { glyphFor, type Glyph } from "./icons";
import { linkGeometry, type Box } from "./linkGeometry";
import { describeType, noteStyle } from "./vocabulary";

const FONT = "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
const INK = "#1c2033";
const MUTED = "#5d6480";
const LINE = "#e3e6ef";
const LINK = "#8a90a8";
const PADDING = 40;

export interface DiagramSvg {
  svg: string;
  width: number;
  height: number;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}

/**
 * A close-enough width for laying out text without a browser (SVG export must work in tests too). Errs on the wide
 * side: a label cut a little early looks fine, one running past its box does not.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    if ("iljtf.,:;'|!I ".includes(c)) em += 0.32;
    else if ("mwMW@".includes(c)) em += 0.9;
    else if (c >= "A" && c <= "Z") em += 0.7;
    else if (c >= "0" && c <= "9") em += 0.6;
    else em += 0.6;
  }
  return em * fontSize * (bold ? 1.08 : 1);
}

/** Cuts text to fit a width, ending it with an ellipsis. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= width) return text;
  let cut = text;
  while (cut.length > 0 && estimateTextWidth(`${cut}…`, fontSize, bold) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Greedy word wrap (long words are broken), at most `maxLines`, the last one ellipsised if text remains. */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number, bold = false): string[] {
  const measure = (t: string) => estimateTextWidth(t, fontSize, bold);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== "") lines.push(line);
      line = word;
      while (measure(line) > width && line.length > 1) {
        let split = line.length - 1;
        while (split > 1 && measure(line.slice(0, split)) > width) split--;
        lines.push(line.slice(0, split));
        line = line.slice(split);
      }
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, Math.max(1, maxLines));
  kept[kept.length - 1] = fitText(`${kept[kept.length - 1]} …`, width, fontSize, bold);
  return kept;
}

function glyphMarkup(glyph: Glyph, x: number, y: number, size: number, color: string): string {
  const parts = glyph.parts.map((part) => {
    if ("d" in part) return `<path d="${part.d}"/>`;
    if ("circle" in part) {
      const [cx, cy, r] = part.circle;
      return `<circle cx="${cx}" cy="${cy}" r="${r}"${part.filled ? ` fill="${color}"` : ""}/>`;
    }
    const [rx, ry, w, h, radius] = part.rect;
    return `<rect x="${rx}" y="${ry}" width="${w}" height="${h}" rx="${radius}"/>`;
  });
  const dash = glyph.dashed ? ` stroke-dasharray="3 2.5"` : "";
  return (
    `<g transform="translate(${x} ${y}) scale(${size / 24})" fill="none" stroke="${color}" stroke-width="1.75" ` +
    `stroke-linecap="round" stroke-linejoin="round"${dash}>${parts.join("")}</g>`
  );
}

function bounds(doc: DiagramDocument): Box {
  const boxes: Box[] = [...doc.zones.values(), ...doc.nodes.values()];
  if (boxes.length === 0) return { x: 0, y: 0, width: 320, height: 120 };
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

function componentMarkup(node: DiagramNode, components: readonly ComponentType[]): string {
  const type = describeType(components, node.componentType);
  const { color, soft } = type.style;
  const badge = 36;
  const badgeX = node.x + 12;
  const badgeY = node.y + (node.height - badge) / 2;
  const textX = badgeX + badge + 12;
  const textWidth = Math.max(0, node.x + node.width - 12 - textX);
  const showType = type.title.toLowerCase() !== node.label.trim().toLowerCase();
  // As on the canvas: the name on up to two lines, then the type in small print when the name is not the type's.
  const room = Math.floor((node.height - 12 - (showType ? 15 : 0)) / 17);
  const labelLines = wrapText(node.label, textWidth, 14, Math.max(1, Math.min(2, room)), true);
  const blockHeight = labelLines.length * 17 + (showType ? 15 : 0);
  const top = node.y + (node.height - blockHeight) / 2;
  const lines =
    labelLines
      .map((line, i) => `<text x="${textX}" y="${top + 13 + i * 17}" font-size="14" font-weight="600" fill="${INK}">${escapeXml(line)}</text>`)
      .join("") +
    (showType
      ? `<text x="${textX}" y="${top + labelLines.length * 17 + 11}" font-size="12" fill="${MUTED}">${escapeXml(fitText(type.title, textWidth, 12))}</text>`
      : "");
  return (
    `<g class="node" data-id="${escapeXml(node.id)}">` +
    `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="12" fill="#fff" stroke="${LINE}" filter="url(#shadow)"/>` +
    `<rect x="${badgeX}" y="${badgeY}" width="${badge}" height="${badge}" rx="10" fill="${soft}"/>` +
    glyphMarkup(glyphFor(node.componentType, type.category), badgeX + 8, badgeY + 8, 20, color) +
    lines +
    `</g>`
  );
}

function noteMarkup(node: DiagramNode): string {
  const fontSize = 13;
  const lineHeight = 18;
  const maxLines = Math.max(1, Math.floor((node.height - 20) / lineHeight));
  const lines = wrapText(node.label, node.width - 24, fontSize, maxLines);
  const text = lines
    .map((line, i) => `<text x="${node.x + 12}" y="${node.y + 24 + i * lineHeight}" font-size="${fontSize}" fill="#3f3a1c">${escapeXml(line)}</text>`)
    .join("");
  return (
    `<g class="note" data-id="${escapeXml(node.id)}">` +
    `<rect x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="6" fill="${noteStyle.soft}" stroke="${noteStyle.border}" filter="url(#shadow)"/>` +
    text +
    `</g>`
  );
}

/** The whole diagram as a standalone SVG document: zones, then links, then nodes, as on the canvas. */
export function buildDiagramSvg(doc: DiagramDocument, components: readonly ComponentType[]): DiagramSvg {
  const area = bounds(doc);
  const width = Math.ceil(area.width + PADDING * 2);
  const height = Math.ceil(area.height + PADDING * 2);
  const out: string[] = [];

  for (const zone of doc.zones.values()) {
    out.push(
      `<g class="zone" data-id="${escapeXml(zone.id)}">` +
        `<rect x="${zone.x}" y="${zone.y}" width="${zone.width}" height="${zone.height}" rx="16" fill="#4f46e5" fill-opacity="0.035" stroke="#c3c7de" stroke-width="1.5" stroke-dasharray="7 5"/>` +
        `<text x="${zone.x + 16}" y="${zone.y + 26}" font-size="13" font-weight="700" fill="#4a4f6e" letter-spacing="0.02em">${escapeXml(fitText(zone.label, zone.width - 32, 13, true))}</text>` +
        `</g>`,
    );
  }

  for (const link of doc.links.values()) {
    const source = doc.nodes.get(link.sourceId);
    const target = doc.nodes.get(link.targetId);
    if (!source || !target) continue;
    const geometry = linkGeometry(source, target);
    let markup = `<path d="${geometry.path}" fill="none" stroke="${LINK}" stroke-width="1.6"/>`;
    if (link.directed ?? true) markup += `<path d="${geometry.arrowHead}" fill="${LINK}"/>`;
    if (link.label) {
      const text = fitText(link.label, 220, 12);
      const w = estimateTextWidth(text, 12) + 16;
      const { x, y } = geometry.label;
      markup +=
        `<rect x="${x - w / 2}" y="${y - 11}" width="${w}" height="22" rx="11" fill="#fff" stroke="${LINE}"/>` +
        `<text x="${x}" y="${y + 4}" font-size="12" fill="${MUTED}" text-anchor="middle">${escapeXml(text)}</text>`;
    }
    out.push(`<g class="link" data-id="${escapeXml(link.id)}">${markup}</g>`);
  }

  for (const node of doc.nodes.values()) {
    out.push(node.componentType === NOTE_TYPE ? noteMarkup(node) : componentMarkup(node, components));
  }

  if (out.length === 0) {
    out.push(`<text x="${area.width / 2}" y="${area.height / 2}" font-size="14" fill="${MUTED}" text-anchor="middle">Empty diagram</text>`);
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<defs><filter id="shadow" x="-10%" y="-10%" width="120%" height="140%"><feDropShadow dx="0" dy="1.5" stdDeviation="2" flood-color="#141828" flood-opacity="0.08"/></filter></defs>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<g transform="translate(${PADDING - area.x} ${PADDING - area.y})">${out.join("")}</g>` +
    `</svg>`;
  return { svg, width, height };
}

/** diagram-2025-03-14.svg, in the person's local date. */
export function exportFileName(extension: "svg" | "png", date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `diagram-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = "noopener";
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser a moment to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(doc: DiagramDocument, components: readonly ComponentType[], now = new Date()): void {
  const { svg } = buildDiagramSvg(doc, components);
  download(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }), exportFileName("svg", now));
}

/** Browsers cap canvas sides (Chrome: 32,767 px; Safari less); stay well inside. */
const MAX_CANVAS_SIDE = 8192;

/** Renders the SVG at twice its size (sharp on high-density screens), smaller when the diagram is huge. */
export async function downloadPng(doc: DiagramDocument, components: readonly ComponentType[], now = new Date()): Promise<void> {
  const { svg, width, height } = buildDiagramSvg(doc, components);
  const scale = Math.min(2, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.decoding = "async";
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The diagram could not be drawn as an image."));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw images.");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("This browser could not create the PNG.");
    download(blob, exportFileName("png", now));
  } finally {
    URL.revokeObjectURL(url);
  }
}
