// A realistic recommendation-system design, as a candidate might draw it by the deployment step: online serving on
// top, offline training below, and the feedback loop from logged events back to the models.

import type { DiagramLink, DiagramNode, DiagramOp, DiagramZone } from "../diagramTypes";

const zones: DiagramZone[] = [
  { id: "z_online", label: "Online serving", x: 296, y: 0, width: 1320, height: 336 },
  { id: "z_offline", label: "Offline training", x: 296, y: 424, width: 1320, height: 320 },
];

type Seed = [id: string, componentType: string, label: string, x: number, y: number, zoneId?: string];

// Four columns inside the zones (x = 336, 672, 1008, 1344); requests flow left to right, training bottom to top.
const seeds: Seed[] = [
  ["n_client", "client", "Mobile app", 24, 80],
  ["n_gateway", "api-gateway", "API gateway", 336, 80, "z_online"],
  ["n_recsvc", "service", "Recommendation service", 672, 80, "z_online"],
  ["n_candidates", "candidate-generation", "Candidate generation", 1008, 80, "z_online"],
  ["n_ann", "ann-index", "ANN index (HNSW)", 1344, 80, "z_online"],
  ["n_ranker", "ranking-model", "Ranking model", 1008, 232, "z_online"],
  ["n_cache", "online-store", "Redis feature cache", 1344, 232, "z_online"],
  ["n_events", "event-log", "Kafka: impressions, clicks", 336, 504, "z_offline"],
  ["n_lake", "data-lake", "Data lake", 336, 648, "z_offline"],
  ["n_features", "feature-store", "Feature store", 672, 504, "z_offline"],
  ["n_training", "training-pipeline", "Two-tower + ranker training", 672, 648, "z_offline"],
  ["n_registry", "model-registry", "Model registry", 1008, 648, "z_offline"],
  ["n_monitor", "monitoring", "Drift and latency dashboards", 1696, 504],
];

const nodes: DiagramNode[] = seeds.map(([id, componentType, label, x, y, zoneId]) => ({
  id,
  componentType,
  label,
  x,
  y,
  width: 232,
  height: 64,
  zoneId: zoneId ?? null,
}));

nodes.push({
  id: "n_note",
  componentType: "note",
  label: "Latency budget: 200 ms p99.\nRetrieval ≤ 40 ms, ranking ≤ 80 ms.\nRetrain daily; refresh embeddings hourly.",
  x: 1696,
  y: 64,
  width: 248,
  height: 128,
  zoneId: null,
});

const linkSeeds: [string, string, string | null][] = [
  ["n_client", "n_gateway", "GET /feed"],
  ["n_gateway", "n_recsvc", null],
  ["n_recsvc", "n_candidates", "user id"],
  ["n_candidates", "n_ann", "top-1k query"],
  ["n_candidates", "n_ranker", "~1k candidates"],
  ["n_ranker", "n_cache", "features"],
  ["n_client", "n_events", "clicks, views"],
  ["n_events", "n_lake", null],
  ["n_lake", "n_training", "daily"],
  ["n_features", "n_training", "point-in-time"],
  ["n_features", "n_cache", "materialise"],
  ["n_training", "n_registry", null],
  ["n_registry", "n_ranker", "deploy"],
  ["n_registry", "n_monitor", "model metrics"],
];

const links: DiagramLink[] = linkSeeds.map(([sourceId, targetId, label], i) => ({
  id: `l_seed${i + 1}`,
  sourceId,
  targetId,
  label,
  directed: true,
}));

export function seedOps(): DiagramOp[] {
  let n = 0;
  const opId = () => `op_seed${++n}`;
  return [
    ...zones.map<DiagramOp>((zone) => ({ type: "addZone", opId: opId(), zone })),
    ...nodes.map<DiagramOp>((node) => ({ type: "addNode", opId: opId(), node })),
    ...links.map<DiagramOp>((link) => ({ type: "addLink", opId: opId(), link })),
  ];
}

/** 500 small notes, to show what the canvas says when the diagram is full. */
export function fullDiagramOps(): DiagramOp[] {
  return Array.from({ length: 500 }, (_, i) => ({
    type: "addNode",
    opId: `op_full${i}`,
    node: { id: `n_full${i}`, componentType: "note", label: `#${i + 1}`, x: (i % 25) * 120, y: Math.floor(i / 25) * 80, width: 104, height: 64, zoneId: null },
  }));
}
