import { Handle, Position } from "@xyflow/react";

const sides = [
  { id: "t", position: Position.Top },
  { id: "r", position: Position.Right },
  { id: "b", position: Position.Bottom },
  { id: "l", position: Position.Left },
] as const;

/**
 * A handle on each side to drag a link from. All are sources: the canvas runs in loose connection mode, the link's
 * direction is the drag's direction, and the drawn link picks its own sides (links carry no handle in the document).
 */
export function ConnectHandles({ connectable }: { connectable: boolean }) {
  return (
    <>
      {sides.map((side) => (
        <Handle
          key={side.id}
          id={side.id}
          type="source"
          position={side.position}
          isConnectable={connectable}
          className="dc-handle"
          aria-label="Drag to link to another node"
        />
      ))}
    </>
  );
}
