import { useRef } from "react";

/**
 * A ref that always holds the latest value, for event handlers registered once (React Flow callbacks, window
 * listeners) that must see current props without being re-created on every render.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}
