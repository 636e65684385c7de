import { useEffect, useRef, useState } from "react";
import type { CommandResult, NoteView } from "./liveTypes";
import { newClientId } from "./useLiveSession";

interface Props {
  stepId: string;
  stepTitle: string;
  note: NoteView | undefined;
  /** Once the interview ended the notes are its record: shown, no longer editable (the server refuses edits too). */
  readOnly?: boolean;
  onSave(stepId: string, text: string, clientId: string): Promise<CommandResult>;
}

type SaveState = "saved" | "editing" | "saving" | "failed";

/** The interviewer's private notes for the current step, saved as they type (after a pause) and on leaving the box. */
export function NotesPanel({ stepId, stepTitle, note, readOnly = false, onSave }: Props) {
  const [text, setText] = useState(note?.text ?? "");
  const [state, setState] = useState<SaveState>("saved");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSaved = useRef(note?.text ?? "");

  const draft = useRef(text);
  draft.current = text;
  const shownStep = useRef(stepId);

  // Switching step shows that step's note, after saving an unsaved draft to the step it was written for.
  useEffect(() => {
    const stepChanged = shownStep.current !== stepId;
    const dirty = draft.current !== lastSaved.current;
    if (stepChanged) {
      clearTimeout(timer.current);
      if (dirty) void onSave(shownStep.current, draft.current, newClientId());
      shownStep.current = stepId;
    }
    // The echo of our own save must not overwrite what was typed since; a clean box takes the server's copy.
    if (stepChanged || !dirty) {
      setText(note?.text ?? "");
      setState("saved");
    }
    lastSaved.current = note?.text ?? "";
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onSave is a fresh closure each render
  }, [stepId, note?.text]);

  const save = async (value: string) => {
    clearTimeout(timer.current);
    if (value === lastSaved.current) {
      setState("saved");
      return;
    }
    setState("saving");
    const result = await onSave(stepId, value, newClientId());
    if (result.ok) lastSaved.current = value;
    setState(result.ok ? "saved" : "failed");
  };

  const label = readOnly && state === "saved"
    ? "Read-only: the interview has ended"
    : { saved: "Saved", editing: "Editing…", saving: "Saving…", failed: "Not saved — retry by editing" }[state];
  return (
    <section className="panel notes" aria-label="Private notes">
      <h3>Notes · {stepTitle} <span className="private-badge">only you</span></h3>
      <textarea
        aria-label={`Notes for ${stepTitle}`}
        value={text}
        maxLength={10000}
        readOnly={readOnly}
        placeholder="What did the candidate say or draw in this step?"
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          setState("editing");
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(value), 800);
        }}
        onBlur={() => void save(text)}
      />
      <p className={`save-state save-${state}`} role="status">{label}</p>
    </section>
  );
}
