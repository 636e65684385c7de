import { useId, useMemo, useState, type CSSProperties, type DragEvent } from "react";
import type { ComponentType } from "../diagramTypes";
import type { PaletteTool } from "../gestures";
import { GlyphIcon } from "../GlyphIcon";
import { glyphFor, toolGlyphs, type Glyph } from "../icons";
import { groupByCategory, noteStyle } from "../vocabulary";

/** The drag-and-drop payload type; custom so text drops from elsewhere are ignored. */
export const TOOL_MIME = "application/x-mockloop-tool";

export function readDroppedTool(data: DataTransfer): PaletteTool | null {
  const raw = data.getData(TOOL_MIME);
  if (!raw) return null;
  try {
    const tool = JSON.parse(raw) as PaletteTool;
    return tool.kind === "note" || tool.kind === "zone" || (tool.kind === "component" && typeof tool.componentType === "string") ? tool : null;
  } catch {
    return null;
  }
}

interface PaletteProps {
  components: readonly ComponentType[];
  /** Why nothing can be added right now (the element limit), or null. */
  disabledReason: string | null;
  /** Adds at the centre of the visible canvas: a click, or Enter/Space on a focused item. */
  onAdd(tool: PaletteTool): void;
}

export function Palette({ components, disabledReason, onAdd }: PaletteProps) {
  const [query, setQuery] = useState("");
  const searchId = useId();
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = q === "" ? components : components.filter((c) => `${c.label} ${c.description} ${c.category}`.toLowerCase().includes(q));
    return groupByCategory(matches);
  }, [components, query]);
  const disabled = disabledReason !== null;

  return (
    <aside className="dc-palette" aria-label="Add to the diagram">
      <div className="dc-palette-head">
        <label className="dc-search" htmlFor={searchId}>
          <GlyphIcon glyph={toolGlyphs.search} size={16} />
          <input
            id={searchId}
            type="search"
            placeholder="Search components"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === "Escape" && setQuery("")}
          />
        </label>
        {disabled && (
          <p className="dc-palette-limit" role="status">
            {disabledReason}
          </p>
        )}
      </div>

      <div className="dc-palette-scroll">
        <section className="dc-palette-group" aria-label="Tools">
          <h3 className="dc-palette-heading">Tools</h3>
          <div className="dc-palette-tools">
            <PaletteItem tool={{ kind: "note" }} label="Note" description="Free text, up to 2,000 characters" glyph={toolGlyphs.note} color={noteStyle.color} soft={noteStyle.soft} disabled={disabled} onAdd={onAdd} />
            <PaletteItem tool={{ kind: "zone" }} label="Zone" description="A labelled box that groups components, such as “Online serving”" glyph={toolGlyphs.zone} color="#4f46e5" soft="#eef0ff" disabled={disabled} onAdd={onAdd} />
          </div>
        </section>

        {groups.map((group) => (
          <section key={group.category} className="dc-palette-group" aria-label={group.style.label}>
            <h3 className="dc-palette-heading">
              <span className="dc-dot" style={{ background: group.style.color }} aria-hidden="true" />
              {group.style.label}
            </h3>
            <ul className="dc-palette-list">
              {group.components.map((component) => (
                <li key={component.id}>
                  <PaletteItem
                    tool={{ kind: "component", componentType: component.id, label: component.label }}
                    label={component.label}
                    description={component.description}
                    glyph={glyphFor(component.id, component.category)}
                    color={group.style.color}
                    soft={group.style.soft}
                    disabled={disabled}
                    onAdd={onAdd}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="dc-palette-empty">No component matches “{query}”.</p>}
      </div>
      <p className="dc-palette-hint">Drag onto the canvas, or focus one and press Enter.</p>
    </aside>
  );
}

interface PaletteItemProps {
  tool: PaletteTool;
  label: string;
  description: string;
  glyph: Glyph;
  color: string;
  soft: string;
  disabled: boolean;
  onAdd(tool: PaletteTool): void;
}

function PaletteItem({ tool, label, description, glyph, color, soft, disabled, onAdd }: PaletteItemProps) {
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(TOOL_MIME, JSON.stringify(tool));
    event.dataTransfer.effectAllowed = "copy";
  };
  return (
    <button
      type="button"
      className="dc-palette-item"
      style={{ "--cat": color, "--cat-soft": soft } as CSSProperties}
      draggable={!disabled}
      disabled={disabled}
      title={description}
      aria-label={`Add ${label}`}
      onDragStart={onDragStart}
      onClick={() => onAdd(tool)}
    >
      <span className="dc-palette-icon">
        <GlyphIcon glyph={glyph} size={16} />
      </span>
      <span className="dc-palette-label">{label}</span>
    </button>
  );
}
