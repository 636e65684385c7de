// TypeScript applyOp against the real C# DiagramDocument: testing/csharpGolden.json holds random op sequences and the
// C# document's canonical JSON at checkpoints (see its "about"). If the C# merge rule changes, regenerate the file by
// applying the same ops with MockLoop.Core; if this test fails without a C# change, applyOp has drifted from C#.

import { describe, expect, it } from "vitest";
import { applyOp, canonicalJson, emptyDocument } from "./diagramDocument";
import type { DiagramOp } from "./diagramTypes";
import golden from "./testing/csharpGolden.json";

interface GoldenSequence {
  ops: DiagramOp[];
  checkpoints: Record<string, string>;
}

const sequences = (golden as { sequences: GoldenSequence[] }).sequences;

describe("applyOp matches C# DiagramDocument.Apply", () => {
  it.each(sequences.map((s, i) => [i, s] as const))("on recorded sequence %i, key for key", (_, sequence) => {
    let doc = emptyDocument;
    let checked = 0;
    sequence.ops.forEach((op, i) => {
      doc = applyOp(doc, op);
      const expected = sequence.checkpoints[String(i + 1)];
      if (expected === undefined) return;
      // Parsed and re-serialised, so only number formatting (C# writes 1.5 and 100 like JS) could differ.
      expect(canonicalJson(doc)).toBe(JSON.stringify(JSON.parse(expected)));
      checked++;
    });
    expect(checked).toBe(Object.keys(sequence.checkpoints).length);
  });
});
