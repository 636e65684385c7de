/** "0:07", "2:05", "1:02:03": how long someone has waited, from the server's enqueue time. */
export function waited(sinceIso: string, clockOffsetMs: number, localNowMs: number): string {
  const seconds = Math.max(0, Math.floor((localNowMs + clockOffsetMs - Date.parse(sinceIso)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

export function countLabel(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
