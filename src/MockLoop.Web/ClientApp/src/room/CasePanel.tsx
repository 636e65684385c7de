import type { CaseView } from "./liveTypes";

interface Props {
  caseView: CaseView | null;
  currentStepId: string | undefined;
  currentStepTitle: string | undefined;
}

/** The prompt for both; the facts to reveal and the step's hints only arrive for the interviewer. */
export function CasePanel({ caseView, currentStepId, currentStepTitle }: Props) {
  if (!caseView) {
    return (
      <section className="panel case" aria-label="Case">
        <h3>Case</h3>
        <p className="muted">No case was chosen: agree on a system to design together.</p>
      </section>
    );
  }
  const hints = currentStepId ? (caseView.hints?.[currentStepId] ?? []) : [];
  return (
    <section className="panel case" aria-label="Case">
      <p className="eyebrow">The case</p>
      <h3>{caseView.title}</h3>
      <p className="prompt">{caseView.prompt}</p>
      {caseView.facts && (
        <details className="interviewer-only" open>
          <summary>Facts to reveal when asked</summary>
          <dl className="facts">
            {caseView.facts.map((f) => (
              <div key={f.topic}>
                <dt>{f.topic}</dt>
                <dd>{f.detail}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {caseView.hints && (
        <details className="interviewer-only" open>
          <summary>Hints for {currentStepTitle ?? "this step"}</summary>
          {hints.length === 0 ? <p className="muted">No hints for this step.</p> : (
            <ul className="hints">{hints.map((h) => <li key={h}>{h}</li>)}</ul>
          )}
        </details>
      )}
    </section>
  );
}
