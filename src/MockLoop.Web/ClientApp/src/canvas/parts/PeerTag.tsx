/** Marks an element the peer is moving right now, with their name. */
export function PeerTag({ name }: { name: string }) {
  return (
    <span className="dc-peer-tag" aria-label={`${name} is moving this`}>
      {name}
    </span>
  );
}
