import type { Glyph } from "./icons";

interface GlyphIconProps {
  glyph: Glyph;
  size?: number;
  className?: string;
  /** Icons next to text are decoration; give a title only when the icon stands alone. */
  title?: string;
}

/** Draws a glyph in the current text colour, so CSS decides its colour. */
export function GlyphIcon({ glyph, size = 20, className, title }: GlyphIconProps) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      strokeDasharray={glyph.dashed ? "3 2.5" : undefined}
      role={title ? "img" : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      focusable="false"
    >
      {glyph.parts.map((part, i) => {
        if ("d" in part) return <path key={i} d={part.d} />;
        if ("circle" in part) {
          const [cx, cy, r] = part.circle;
          return <circle key={i} cx={cx} cy={cy} r={r} fill={part.filled ? "currentColor" : undefined} />;
        }
        const [x, y, width, height, rx] = part.rect;
        return <rect key={i} x={x} y={y} width={width} height={height} rx={rx} />;
      })}
    </svg>
  );
}
