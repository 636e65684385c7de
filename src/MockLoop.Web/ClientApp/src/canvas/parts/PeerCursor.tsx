import { useStore, ViewportPortal } from "@xyflow/react";

export const PEER_COLOR = "#e11d48";

/** The peer's pointer in flow coordinates, kept the same size on screen whatever the zoom. */
export function PeerCursor({ cursor }: { cursor: { x: number; y: number; name: string } }) {
  const zoom = useStore((s) => s.transform[2]);
  return (
    <ViewportPortal>
      <div
        className="dc-peer-cursor"
        style={{ transform: `translate(${cursor.x}px, ${cursor.y}px) scale(${1 / zoom})` }}
        aria-label={`${cursor.name}'s pointer`}
      >
        <svg width="18" height="20" viewBox="0 0 18 20" aria-hidden="true">
          <path d="M2 1.5v15.2l4.2-3.9 2.7 6 2.6-1.2-2.7-5.9 5.9-.3Z" fill={PEER_COLOR} stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
        </svg>
        <span className="dc-peer-name">{cursor.name}</span>
      </div>
    </ViewportPortal>
  );
}
