// A browser-side replica for the tests and the playground (the live room keeps its own state in room/liveState.ts),
// mirroring C# DiagramReplica (whose seeded simulations prove convergence on the server side).
// `confirmed` is the server's document up to `lastSequence` (ops in server order); `pending` are local ops sent but
// not yet confirmed or rejected; the view (what is drawn) is confirmed + pending, so a person sees their own edits at
// once. Once every pending op is confirmed or rejected, the view equals the server's document.

import { applyOp, applyOps, emptyDocument, fromSnapshot, type DiagramDocument } from "../diagramDocument";
import type { DiagramOp, DiagramSnapshot, ServerOpOutcome } from "../diagramTypes";

export class DiagramReplica {
  #confirmed: DiagramDocument;
  #view: DiagramDocument;
  #lastSequence: number;
  #pending: DiagramOp[] = [];
  readonly #listeners = new Set<() => void>();

  constructor(confirmed: DiagramDocument = emptyDocument, lastSequence = 0) {
    this.#confirmed = confirmed;
    this.#view = confirmed;
    this.#lastSequence = lastSequence;
  }

  /** The server's document up to lastSequence. */
  get confirmed(): DiagramDocument {
    return this.#confirmed;
  }

  /** The sequence number of the last confirmed op; sent on reconnect to get what was missed. */
  get lastSequence(): number {
    return this.#lastSequence;
  }

  /** Local ops awaiting the server, in the order they were made (and must be resent after a reconnect). */
  get pending(): readonly DiagramOp[] {
    return this.#pending;
  }

  /** Confirmed + pending. The same object until something changes, so it works as a useSyncExternalStore snapshot. */
  view(): DiagramDocument {
    return this.#view;
  }

  /** Called after every change of the view; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The person made an edit: show it at once and keep it until the server confirms or rejects it. */
  applyLocal(op: DiagramOp): void {
    this.#pending.push(op);
    this.#setView(applyOp(this.#view, op));
  }

  /**
   * An op the server accepted, in server order. It goes into the confirmed document; if it is one of ours it leaves
   * the pending list; then the view is recomputed as confirmed + pending.
   */
  receiveConfirmed(sequence: number, op: DiagramOp): ServerOpOutcome {
    if (sequence <= this.#lastSequence) return "duplicate";
    if (sequence !== this.#lastSequence + 1) return "gap";

    // If it is our oldest pending op, the view already shows confirmed + this op + the rest: nothing to redo.
    const wasOldestPending = this.#pending.length > 0 && this.#pending[0].opId === op.opId;
    this.#confirmed = applyOp(this.#confirmed, op);
    this.#lastSequence = sequence;
    if (wasOldestPending) {
      this.#pending.shift();
      this.#notify();
    } else {
      this.#pending = this.#pending.filter((p) => p.opId !== op.opId);
      this.#recompute();
    }
    return "applied";
  }

  /** The server rejected one of our ops: drop it and redraw without it. */
  receiveRejected(opId: string): void {
    this.#forget(opId);
  }

  /**
   * The server had already applied this op (we resent it after a reconnect that came with a snapshot, which carries no
   * op ids): its effect is in the confirmed document, so drop it from pending.
   */
  receiveAlreadyApplied(opId: string): void {
    this.#forget(opId);
  }

  /**
   * Replace the confirmed document with a snapshot (reconnect after too long away). Pending ops are kept; the client
   * resends them and the server's op-id dedupe makes that safe. Throws if the snapshot does not hold together.
   */
  resync(snapshot: DiagramSnapshot, sequence: number): void {
    this.#confirmed = fromSnapshot(snapshot);
    this.#lastSequence = sequence;
    this.#recompute();
  }

  #forget(opId: string): void {
    const before = this.#pending.length;
    this.#pending = this.#pending.filter((p) => p.opId !== opId);
    if (this.#pending.length !== before) this.#recompute();
  }

  #recompute(): void {
    this.#setView(applyOps(this.#confirmed, this.#pending));
  }

  #setView(view: DiagramDocument): void {
    this.#view = view;
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
