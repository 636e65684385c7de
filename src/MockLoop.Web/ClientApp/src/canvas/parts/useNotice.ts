import { useCallback, useEffect, useRef, useState } from "react";

/** A short message at the bottom of the canvas (why something could not be done) that fades after a few seconds. */
export function useNotice(durationMs = 4000) {
  const [notice, setNotice] = useState<{ text: string; key: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      setNotice((previous) => ({ text, key: (previous?.key ?? 0) + 1 }));
      timer.current = setTimeout(() => setNotice(null), durationMs);
    },
    [durationMs],
  );

  useEffect(() => () => clearTimeout(timer.current), []);
  return { notice, show };
}
