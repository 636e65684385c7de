// How the component vocabulary (rubrics/components.json) looks on the canvas: one colour per category, and the order
// the palette lists categories in (the order a request flows: client → edge → services → data → ML → operations).

import { NOTE_TYPE, type ComponentType } from "./diagramTypes";

export interface CategoryStyle {
  label: string;
  /** Strong colour: icons, accents, links in exports. */
  color: string;
  /** Tinted background behind the icon. */
  soft: string;
}

export const categoryStyles: Readonly<Record<string, CategoryStyle>> = {
  client: { label: "Clients", color: "#0284c7", soft: "#e0f2fe" },
  edge: { label: "Edge and networking", color: "#475569", soft: "#eef2f6" },
  service: { label: "Services", color: "#4f46e5", soft: "#eef0ff" },
  data: { label: "Data and storage", color: "#0f766e", soft: "#d5f5ee" },
  streaming: { label: "Streaming", color: "#ea580c", soft: "#ffedd5" },
  "ml-training": { label: "ML training", color: "#7c3aed", soft: "#efe9fe" },
  "ml-serving": { label: "ML serving", color: "#db2777", soft: "#fce7f3" },
  llm: { label: "LLM and retrieval", color: "#c026d3", soft: "#fae8ff" },
  experimentation: { label: "Experimentation", color: "#b7791f", soft: "#fdf3d7" },
  observability: { label: "Observability", color: "#15803d", soft: "#dcfce7" },
  labelling: { label: "Labelling", color: "#dc2626", soft: "#fee2e2" },
};

/** For categories a newer vocabulary may add before the canvas knows them. */
const otherCategory: CategoryStyle = { label: "Other", color: "#64748b", soft: "#f1f5f9" };

export const noteStyle = { color: "#a16207", soft: "#fef9c3", border: "#f3e08a" } as const;

const categoryOrder = Object.keys(categoryStyles);

export function categoryStyle(category: string): CategoryStyle {
  return categoryStyles[category] ?? { ...otherCategory, label: titleCase(category) };
}

/**
 * A component's look: the colours its vocabulary entry carries (components.json "categories", sent with each
 * component so every canvas draws a category alike), else the built-in style of its category.
 */
export function styleOf(component: ComponentType): CategoryStyle {
  const fallback = categoryStyle(component.category);
  return component.color && component.soft
    ? { label: component.categoryLabel ?? fallback.label, color: component.color, soft: component.soft }
    : fallback;
}

export interface PaletteGroup {
  category: string;
  style: CategoryStyle;
  components: ComponentType[];
}

/** The vocabulary grouped by category in palette order; unknown categories come last, alphabetically. */
export function groupByCategory(components: readonly ComponentType[]): PaletteGroup[] {
  const groups = new Map<string, ComponentType[]>();
  for (const component of components) {
    if (component.id === NOTE_TYPE) continue;
    const list = groups.get(component.category) ?? [];
    list.push(component);
    groups.set(component.category, list);
  }
  const rank = (category: string) => {
    const index = categoryOrder.indexOf(category);
    return index === -1 ? categoryOrder.length : index;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([category, list]) => ({ category, style: styleOf(list[0]), components: list }));
}

/** What a node of this type is called and coloured as, also when the vocabulary no longer lists it. */
export function describeType(components: readonly ComponentType[], componentType: string): { title: string; category: string; style: CategoryStyle } {
  const known = components.find((c) => c.id === componentType);
  if (known) return { title: known.label, category: known.category, style: styleOf(known) };
  return { title: titleCase(componentType), category: "other", style: otherCategory };
}

function titleCase(id: string): string {
  const words = id.replace(/[-_]+/g, " ").trim();
  return words.length === 0 ? "Component" : words[0].toUpperCase() + words.slice(1);
}
