import { describe, expect, it } from "vitest";
import { glyphFor, componentGlyphs } from "./icons";
import { describeType, groupByCategory, styleOf } from "./vocabulary";
import type { ComponentType } from "./diagramTypes";

const llm: ComponentType = {
  id: "llm-gateway", label: "LLM serving / gateway", category: "llm", description: "Serves the models.",
  color: "#c026d3", soft: "#fae8ff", categoryLabel: "LLM and retrieval",
};
const server: ComponentType = { id: "model-server", label: "Model server", category: "ml-serving", description: "Serves a model." };

describe("vocabulary styles", () => {
  it("takes a component's colours from the vocabulary when it carries them", () => {
    expect(styleOf(llm)).toEqual({ label: "LLM and retrieval", color: "#c026d3", soft: "#fae8ff" });
    expect(styleOf({ ...llm, color: "#123456", soft: "#abcdef" }).color).toBe("#123456");
    expect(describeType([llm], "llm-gateway").style.color).toBe("#c026d3");
  });

  it("falls back to the built-in category style for a vocabulary without colours", () => {
    expect(styleOf(server).color).toBe("#db2777");
    expect(styleOf({ ...llm, color: undefined, soft: undefined }).label).toBe("LLM and retrieval");
  });

  it("lists the LLM category right after ML serving in the palette", () => {
    const other: ComponentType = { id: "monitoring", label: "Monitoring", category: "observability", description: "" };
    expect(groupByCategory([other, llm, server]).map((g) => g.category)).toEqual(["ml-serving", "llm", "observability"]);
  });

  it("has its own glyph for every LLM component and an LLM glyph for ones it does not know yet", () => {
    for (const id of ["vector-db", "llm-gateway", "prompt-orchestrator", "document-ingestion", "guardrails", "semantic-cache", "llm-evaluation"]) {
      expect(componentGlyphs[id], id).toBeDefined();
    }
    expect(glyphFor("some-new-llm-thing", "llm")).toBe(componentGlyphs["llm-gateway"]);
  });
});
