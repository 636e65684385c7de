// Line glyphs on a 24×24 grid, drawn with a round 1.75 stroke and no fill. Kept as data (not JSX) so the canvas and the
// SVG/PNG export draw exactly the same picture. One distinct glyph per vocabulary component; a component type the
// canvas does not know yet falls back to its category's glyph, then to a plain rounded square.

export type GlyphPart =
  | { d: string }
  | { circle: readonly [cx: number, cy: number, r: number]; filled?: boolean }
  | { rect: readonly [x: number, y: number, width: number, height: number, radius: number] };

export interface Glyph {
  parts: readonly GlyphPart[];
  /** Drawn with a dashed stroke (the zone tool). */
  dashed?: boolean;
}

const g = (...parts: GlyphPart[]): Glyph => ({ parts });

export const componentGlyphs: Readonly<Record<string, Glyph>> = {
  // A laptop: the app or browser in front of the user.
  client: g({ rect: [4, 5, 16, 11, 1.5] }, { d: "M2 19.5h20" }),
  // A globe: content served from everywhere.
  cdn: g({ circle: [12, 12, 9] }, { d: "M3 12h18" }, { d: "M12 3c2.8 2.6 2.8 15.4 0 18" }, { d: "M12 3c-2.8 2.6-2.8 15.4 0 18" }),
  // One stream fanning out to three instances.
  "load-balancer": g(
    { circle: [12, 4.5, 2] },
    { d: "M12 6.5v4.5M12 11l-7 5M12 11l7 5M12 11v5" },
    { circle: [5, 18.5, 2] },
    { circle: [12, 18.5, 2] },
    { circle: [19, 18.5, 2] },
  ),
  // An arch with a request passing through.
  "api-gateway": g({ d: "M4 20.5V11a8 8 0 0 1 16 0v9.5" }, { d: "M8 15h8M13 12l3 3-3 3" }),
  // Code brackets: business logic.
  service: g({ rect: [3, 4, 18, 16, 2.5] }, { d: "M9.5 9.5 7 12l2.5 2.5M14.5 9.5 17 12l-2.5 2.5" }),
  // A checklist of rules.
  "rules-engine": g({ d: "M4 6.5 5.5 8 8 5.2M11 6.6h9M4 12.5 5.5 14 8 11.2M11 12.6h9M4 18.5 5.5 20 8 17.2M11 18.6h9" }),
  // The classic database cylinder.
  "sql-db": g(
    { d: "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3Z" },
    { d: "M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6" },
    { d: "M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" },
  ),
  // Curly braces: documents and key-value records.
  "nosql-db": g(
    { d: "M8.5 4C6.5 4 6 5 6 6.8v2.4C6 10.6 5.2 12 3.8 12c1.4 0 2.2 1.4 2.2 2.8v2.4C6 19 6.5 20 8.5 20" },
    { d: "M15.5 4c2 0 2.5 1 2.5 2.8v2.4c0 1.4.8 2.8 2.2 2.8-1.4 0-2.2 1.4-2.2 2.8v2.4c0 1.8-.5 2.8-2.5 2.8" },
    { circle: [10, 12, 0.9], filled: true },
    { circle: [14, 12, 0.9], filled: true },
  ),
  // A bucket.
  "object-store": g(
    { d: "M4 7.5c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3Z" },
    { d: "M4 7.5 6 19c.3 1.3 2.8 2 6 2s5.7-.7 6-2l2-11.5" },
  ),
  // Waves: a lake of raw data.
  "data-lake": g(
    { d: "M2.5 7.5c1.6-1.3 3.2-1.3 4.8 0s3.2 1.3 4.8 0 3.2-1.3 4.8 0 3.2 1.3 4.6 0" },
    { d: "M2.5 12.5c1.6-1.3 3.2-1.3 4.8 0s3.2 1.3 4.8 0 3.2-1.3 4.8 0 3.2 1.3 4.6 0" },
    { d: "M2.5 17.5c1.6-1.3 3.2-1.3 4.8 0s3.2 1.3 4.8 0 3.2-1.3 4.8 0 3.2 1.3 4.6 0" },
  ),
  // Entities and their connections.
  "graph-store": g(
    { circle: [6, 6, 2.5] },
    { circle: [18, 8, 2.5] },
    { circle: [9, 18.5, 2.5] },
    { d: "M8.5 6.5l7 1M6.6 8.4l1.8 7.7M16.4 10l-5.6 6.6" },
  ),
  // A magnifier.
  "search-index": g({ circle: [10.5, 10.5, 6.5] }, { d: "M15.3 15.3 20.5 20.5" }),
  // Features in a grid, one highlighted.
  "feature-store": g(
    { rect: [3.5, 3.5, 7.5, 7.5, 1.8] },
    { rect: [13, 3.5, 7.5, 7.5, 1.8] },
    { rect: [3.5, 13, 7.5, 7.5, 1.8] },
    { d: "M16.75 13.5v6.5M13.5 16.75H20" },
  ),
  // A bolt: fast lookups.
  "online-store": g({ d: "M13.5 2.5 4.5 14h7l-1 7.5 9-11.5h-7Z" }),
  // An append-only log of cells with the write head at the end.
  "event-log": g({ rect: [2.5, 8, 15, 8, 1.5] }, { d: "M7.5 8v8M12.5 8v8M20 9.5 22 12l-2 2.5" }),
  // Continuous processing: a loop.
  "stream-processor": g({ d: "M20 12a8 8 0 1 1-2.4-5.7" }, { d: "M20.5 3.5v4h-4" }, { d: "M9 12h6M12.5 9.5 15 12l-2.5 2.5" }),
  // A clock: scheduled batch work.
  "batch-job": g({ circle: [12, 12, 9] }, { d: "M12 7v5l3.5 2" }),
  // A small DAG of tasks.
  "workflow-orchestrator": g(
    { rect: [3, 3.5, 6.5, 5, 1.2] },
    { rect: [14.5, 3.5, 6.5, 5, 1.2] },
    { rect: [8.75, 15.5, 6.5, 5, 1.2] },
    { d: "M6.25 8.5v3.5h11.5V8.5M12 12v3.5" },
  ),
  // A dumbbell: training.
  "training-pipeline": g({ d: "M6.5 7v10M17.5 7v10M3.5 9.5v5M20.5 9.5v5M6.5 12h11" }),
  // A versioned package.
  "model-registry": g({ d: "M12 3 20 7.5v9L12 21l-8-4.5v-9Z" }, { d: "M4 7.5 12 12l8-4.5M12 12v9" }),
  // A server rack.
  "model-server": g(
    { rect: [3, 4, 18, 7, 1.5] },
    { rect: [3, 13, 18, 7, 1.5] },
    { circle: [7, 7.5, 1], filled: true },
    { circle: [7, 16.5, 1], filled: true },
    { d: "M11 7.5h6M11 16.5h6" },
  ),
  // A vector: [• • •].
  "embedding-service": g(
    { d: "M7 4H4.5v16H7M17 4h2.5v16H17" },
    { circle: [8.8, 12, 1.1], filled: true },
    { circle: [12, 12, 1.1], filled: true },
    { circle: [15.2, 12, 1.1], filled: true },
  ),
  // A query point, its neighbourhood and the nearest neighbours.
  "ann-index": g(
    { circle: [12, 12, 2], filled: true },
    { circle: [12, 12, 6.5] },
    { circle: [8, 9.5, 1], filled: true },
    { circle: [15.5, 14.5, 1], filled: true },
    { circle: [3.5, 4.5, 1], filled: true },
    { circle: [20.5, 19, 1], filled: true },
    { circle: [20, 5, 1], filled: true },
  ),
  // A funnel: millions narrowed to hundreds.
  "candidate-generation": g({ d: "M3 4h18l-7 8.5V19l-4 2v-8.5Z" }),
  // Bars sorted by score.
  "ranking-model": g({ d: "M4 6h16M4 12h11M4 18h6" }, { d: "M19 14v6M17 18l2 2 2-2" }),
  // Shuffle: the final re-ordering.
  "re-ranker": g({ d: "M16 3.5h4.5V8M4 20 20.5 3.5M20.5 16v4.5H16M14.5 14.5l6 6M4 4l5 5" }),
  // A flask: experiments.
  "ab-testing": g({ d: "M9 3h6M10 3v6.2L4.6 18.8A1.5 1.5 0 0 0 5.9 21h12.2a1.5 1.5 0 0 0 1.3-2.2L14 9.2V3" }, { d: "M7 15.5h10" }),
  // A pulse line.
  monitoring: g({ d: "M2.5 12.5h4l2.5-6.5 4.5 13 3-6.5h5" }),
  // A shield with a tick.
  "data-validation": g({ d: "M12 3 19.5 6v5.5c0 4.6-3.2 8.4-7.5 9.5-4.3-1.1-7.5-4.9-7.5-9.5V6Z" }, { d: "M8.6 12.2l2.3 2.3 4.5-4.6" }),
  // A tag.
  labelling: g({ d: "M3.5 12.2V4.5a1 1 0 0 1 1-1h7.7l8.3 8.3a1.4 1.4 0 0 1 0 2l-6.7 6.7a1.4 1.4 0 0 1-2 0Z" }, { circle: [8, 8, 1.4] }),
  // A person reviewing.
  "human-review": g({ circle: [12, 8, 4] }, { d: "M4.5 20.5c.6-3.9 3.7-6.5 7.5-6.5s6.9 2.6 7.5 6.5" }),
  // Rubric v2 components. A cylinder of dots: vectors at rest.
  "vector-db": g(
    { d: "M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3Z" },
    { d: "M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6" },
    { circle: [8.5, 13, 1], filled: true },
    { circle: [12, 15.5, 1], filled: true },
    { circle: [15.5, 12.5, 1], filled: true },
  ),
  // A stack of weeks: history for training.
  "offline-feature-store": g({ rect: [4, 4, 16, 16, 2] }, { d: "M4 9.5h16M4 15h16M9.5 4v16" }),
  // A map pin on a grid cell.
  "geospatial-index": g({ d: "M12 21s-6-5.6-6-10.5a6 6 0 0 1 12 0C18 15.4 12 21 12 21Z" }, { circle: [12, 10.5, 2.2] }),
  // A ledger with an eye: what was shown, logged.
  "impression-logger": g({ d: "M2.5 12s3.5-6 9.5-6 9.5 6 9.5 6-3.5 6-9.5 6-9.5-6-9.5-6Z" }, { circle: [12, 12, 2.5] }),
  // A clock joined to a tag: labels that arrive later.
  "delayed-label-join": g({ circle: [8.5, 12, 5.5] }, { d: "M8.5 9v3l2 1.5M14 12h3.5M17.5 9.5 20.5 12l-3 2.5" }),
  // A chip: accelerators.
  "gpu-training-cluster": g({ rect: [6, 6, 12, 12, 1.5] }, { rect: [9.5, 9.5, 5, 5, 0.8] }, { d: "M9 3v3M15 3v3M9 18v3M15 18v3M3 9h3M3 15h3M18 9h3M18 15h3" }),
  // A flask with a graph: runs compared.
  "experiment-tracker": g({ d: "M4 20h16M6 16l4-5 3 3 5-7" }, { circle: [18, 7, 1.2], filled: true }),
  // A magnifier over a question: understanding the query.
  "query-understanding": g({ circle: [10.5, 10.5, 6.5] }, { d: "M15.5 15.5 20.5 20.5M8.6 8.8a2 2 0 1 1 2.6 1.9c-.5.2-.7.6-.7 1.1" }, { circle: [10.5, 13.8, 0.5], filled: true }),
  // A coarse sieve: many in, fewer out.
  "pre-ranker": g({ d: "M4 5h16M6.5 10h11M9 15h6M11 20h2" }),
  // A gauge with its needle on a threshold.
  "decision-service": g({ d: "M4 16a8 8 0 0 1 16 0" }, { d: "M12 16l4-5" }, { circle: [12, 16, 1.2], filled: true }),
  // A phone: the model runs on the device.
  "on-device-model": g({ rect: [7, 2.5, 10, 19, 2] }, { d: "M10.5 18.5h3" }, { circle: [12, 10, 2.5] }),
  // A die: exploring with chance.
  "bandit-service": g({ rect: [4, 4, 16, 16, 3] }, { circle: [9, 9, 1.2], filled: true }, { circle: [15, 15, 1.2], filled: true }, { circle: [15, 9, 1.2], filled: true }, { circle: [9, 15, 1.2], filled: true }),
  // LLM category. Pages cut into pieces: ingestion and chunking.
  "document-ingestion": g({ d: "M6 3h8l4 4v14H6Z" }, { d: "M14 3v4h4M9 11h6M9 14.5h6M9 18h4" }),
  // A speech bubble with steps: the orchestrator builds the prompt.
  "prompt-orchestrator": g({ d: "M4 5h16v11H10l-4 4v-4H4Z" }, { d: "M8 9h3M8 12h8" }),
  // A bubble with a sparkle: generation behind a gateway.
  "llm-gateway": g({ d: "M4 5h16v11h-6l-4 4v-4H4Z" }, { d: "M12 7.5l1 2 2 1-2 1-1 2-1-2-2-1 2-1Z" }),
  // A shield with a stop bar.
  guardrails: g({ d: "M12 3 19.5 6v5.5c0 4.6-3.2 8.4-7.5 9.5-4.3-1.1-7.5-4.9-7.5-9.5V6Z" }, { d: "M8.5 12h7" }),
  // Two bubbles sharing one answer.
  "semantic-cache": g({ d: "M3.5 4.5h10v7h-5l-3 2.5v-2.5h-2Z" }, { d: "M10.5 13.5h10v7h-2V23l-3-2.5h-5Z" }),
  // A checklist beside a bubble: judging the answers.
  "llm-evaluation": g({ d: "M4 4.5h11v8H9l-3 2.5v-2.5H4Z" }, { d: "M14 17l2 2 4-4.5" }),
};

/** For components of a category the canvas knows but an id it does not (a vocabulary newer than the canvas). */
const categoryGlyphs: Readonly<Record<string, string>> = {
  client: "client",
  edge: "api-gateway",
  service: "service",
  data: "sql-db",
  streaming: "event-log",
  "ml-training": "training-pipeline",
  "ml-serving": "model-server",
  llm: "llm-gateway",
  experimentation: "ab-testing",
  observability: "monitoring",
  labelling: "labelling",
};

const fallbackGlyph = g({ rect: [4, 4, 16, 16, 3.5] }, { d: "M9 12h6" });

export function glyphFor(componentType: string, category?: string): Glyph {
  return componentGlyphs[componentType] ?? componentGlyphs[categoryGlyphs[category ?? ""] ?? ""] ?? fallbackGlyph;
}

/** Tools and toolbar actions. */
export const toolGlyphs = {
  note: g({ d: "M4.5 4h15v10.5L14 20H4.5Z" }, { d: "M14 20v-5.5h5.5M8 8.5h8M8 12h5" }),
  zone: { parts: [{ rect: [3, 4.5, 18, 15, 2.5] }, { d: "M6.5 8.5h5" }], dashed: true } satisfies Glyph,
  undo: g({ d: "M9 14 4 9l5-5" }, { d: "M4 9h10.5a5.5 5.5 0 0 1 0 11H11" }),
  redo: g({ d: "M15 14l5-5-5-5" }, { d: "M20 9H9.5a5.5 5.5 0 0 0 0 11H13" }),
  trash: g({ d: "M4 7h16M9.5 7V4.5h5V7M6 7l1 12.2A2 2 0 0 0 9 21h6a2 2 0 0 0 2-1.8L18 7M10 11v6M14 11v6" }),
  fit: g({ d: "M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" }, { rect: [8.5, 8.5, 7, 7, 1.2] }),
  zoomIn: g({ d: "M12 5v14M5 12h14" }),
  zoomOut: g({ d: "M5 12h14" }),
  download: g({ d: "M12 4v11M7.5 10.5 12 15l4.5-4.5M5 20h14" }),
  help: g({ circle: [12, 12, 9] }, { d: "M9.6 9.3a2.5 2.5 0 1 1 3.4 2.3c-.6.3-1 .8-1 1.5v.6" }, { circle: [12, 16.8, 0.6], filled: true }),
  search: g({ circle: [11, 11, 6] }, { d: "M15.5 15.5 20 20" }),
  lock: g({ rect: [5, 10.5, 14, 10, 2] }, { d: "M8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3" }),
} as const;
