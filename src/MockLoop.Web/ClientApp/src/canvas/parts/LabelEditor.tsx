import { useEffect, useRef, useState, type KeyboardEvent } from "react";

interface LabelEditorProps {
  initial: string;
  maxLength: number;
  ariaLabel: string;
  /** Notes are free text: a textarea where Shift+Enter makes a new line. */
  multiline?: boolean;
  placeholder?: string;
  className?: string;
  onCommit(text: string): void;
  onCancel(): void;
}

/** Shows how close the text is to the limit once it matters (the last fifth), and says so plainly at the limit. */
export function LimitCounter({ length, max }: { length: number; max: number }) {
  if (length < max * 0.8) return null;
  const atLimit = length >= max;
  return (
    <span className={`dc-counter${atLimit ? " is-at-limit" : ""}`} role={atLimit ? "status" : undefined}>
      {atLimit ? `Limit reached: ${max.toLocaleString("en")} characters` : `${length.toLocaleString("en")} / ${max.toLocaleString("en")}`}
    </span>
  );
}

/**
 * Inline rename. Enter (or leaving the field) commits, Escape cancels. The browser stops typing at the limit, which
 * mirrors the server's DiagramLimits, so a label the server would reject cannot be typed.
 */
export function LabelEditor({ initial, maxLength, ariaLabel, multiline, placeholder, className, onCommit, onCancel }: LabelEditorProps) {
  const [text, setText] = useState(initial.slice(0, maxLength));
  const finished = useRef(false);
  const fieldRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    const field = fieldRef.current;
    if (!field) return;
    field.focus();
    field.select();
  }, []);

  const finish = (commit: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed into the label are not canvas shortcuts (Backspace must not delete the node).
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      finish(false);
    } else if (event.key === "Enter" && !(multiline && event.shiftKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      finish(true);
    }
  };

  const shared = {
    ref: fieldRef,
    value: text,
    maxLength,
    placeholder,
    "aria-label": ariaLabel,
    className: `dc-label-input nodrag nopan nowheel${className ? ` ${className}` : ""}`,
    onChange: (event: { target: { value: string } }) => setText(event.target.value),
    onKeyDown,
    onBlur: () => finish(true),
    onPointerDown: (event: { stopPropagation(): void }) => event.stopPropagation(),
  };

  return (
    <span className="dc-label-editor">
      {multiline ? <textarea {...shared} rows={3} /> : <input {...shared} type="text" />}
      <LimitCounter length={text.length} max={maxLength} />
    </span>
  );
}
