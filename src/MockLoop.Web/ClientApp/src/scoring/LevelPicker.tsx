import type { RubricCriterion } from "../room/liveTypes";

interface Props {
  criterion: RubricCriterion;
  level: number | null;
  disabled: boolean;
  /** Levels that cannot be picked yet, with the reason shown as their tooltip. */
  blockedLevels?: Record<number, string>;
  /** The level the criterion counts at most (a hint was needed), or null. */
  cappedAt?: number | null;
  onPick(level: number | null): void;
}

/** The four levels of one criterion, each with its observable descriptor, plus "not assessed". */
export function LevelPicker({ criterion, level, disabled, blockedLevels = {}, cappedAt = null, onPick }: Props) {
  return (
    <div className="levels" role="radiogroup" aria-label={criterion.title}>
      {criterion.levels.map((l) => (
        <button
          key={l.level}
          type="button"
          role="radio"
          aria-checked={level === l.level}
          aria-label={`${criterion.title}: level ${l.level}, ${l.label}`}
          className={`level level-${l.level}${level === l.level ? " picked" : ""}${cappedAt != null && l.level > cappedAt ? " capped" : ""}`}
          disabled={disabled || blockedLevels[l.level] !== undefined}
          onClick={() => onPick(l.level)}
          title={blockedLevels[l.level] ?? l.descriptor}
        >
          <span className="level-head">
            <strong>{l.level}</strong> {l.label}
            {cappedAt != null && level === l.level && l.level > cappedAt ? <em className="cap-note"> · counts {cappedAt}</em> : null}
          </span>
          <span className="level-text">{l.descriptor}</span>
        </button>
      ))}
      <button
        type="button"
        role="radio"
        aria-checked={level === null}
        aria-label={`${criterion.title}: not assessed`}
        className={`level level-na${level === null ? " picked" : ""}`}
        disabled={disabled}
        onClick={() => onPick(null)}
      >
        Not assessed
      </button>
    </div>
  );
}
