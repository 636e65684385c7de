import { type FormEvent, useEffect, useRef, useState } from "react";
import * as signalR from "@microsoft/signalr";
import { webSocketsOnly } from "../room/connection";
import { reconnectDelayMs } from "../room/connectionStatus";
import { sendUntilStored } from "../room/storeRetry";
import { countLabel, waited } from "./lobbyFormat";

interface CaseOption { id: string; title: string }
interface RubricOption { key: string; title: string; cases: CaseOption[] }
interface Counts { candidates: number; interviewers: number; either: number }
/** code "unavailable": the lobby could not be reached just now (its database, or the node holding it); send again. */
interface JoinResult { ok: boolean; waitingSince?: string | null; error?: string | null; code?: string | null }
interface Match { sessionUrl: string; role: string }

type Phase = "connecting" | "idle" | "joining" | "waiting" | "matched" | "offline";

export function LobbyApp({ hubUrl, rubrics }: { hubUrl: string; rubrics: RubricOption[] }) {
  const [phase, setPhase] = useState<Phase>("connecting");
  const [counts, setCounts] = useState<Counts>({ candidates: 0, interviewers: 0, either: 0 });
  const [role, setRole] = useState("either");
  const [rubric, setRubric] = useState(rubrics[0]?.key ?? "");
  const [caseId, setCaseId] = useState("");
  const [since, setSince] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [retrying, setRetrying] = useState(false);
  const hub = useRef<signalR.HubConnection | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => { mounted.current = false; };
  }, []);

  useEffect(() => {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(hubUrl, webSocketsOnly)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => reconnectDelayMs(ctx.previousRetryCount) })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    hub.current = connection;
    connection.on("Counts", (c: Counts) => setCounts(c));
    connection.on("Matched", (m: Match) => {
      setPhase("matched");
      window.location.assign(m.sessionUrl);
    });
    connection.on("MatchFailed", (message: string) => {
      setError(message);
      setPhase("idle");
    });
    // The server drops a queue entry when its last lobby connection closes: after a reconnect, join again.
    connection.onreconnecting(() => setPhase((p) => (p === "waiting" ? "offline" : p)));
    connection.onreconnected(() => setPhase("idle"));
    connection.start().then(() => setPhase("idle"), () => {
      setPhase("offline");
      setError("Cannot reach MockLoop. Reload the page to try again.");
    });
    return () => void connection.stop();
  }, [hubUrl]);

  useEffect(() => {
    if (phase !== "waiting") return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [phase]);

  const cases = rubrics.find((r) => r.key === rubric)?.cases ?? [];
  const connectionLabel = phase === "offline" ? "Offline" : phase === "connecting" ? "Connecting…" : retrying ? "Reconnecting…" : "Connected";
  const connectionClass = phase === "offline" ? "offline" : phase === "connecting" || retrying ? "connecting" : "connected";

  const join = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setPhase("joining");
    try {
      // A join caught by a database outage or a lobby moving between servers is sent again quietly, with backoff,
      // while the page says it is reconnecting; only an answer a retry cannot change is shown as an error.
      const result = await sendUntilStored(() => hub.current!.invoke<JoinResult>("Join", role, rubric, caseId), {
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        onUnsaved: setRetrying,
        isActive: () => mounted.current,
      });
      if (!result.ok) {
        setError(result.error ?? "The lobby refused that.");
        setPhase("idle");
        return;
      }
      setSince(result.waitingSince ?? new Date().toISOString());
      setNow(Date.now());
      setPhase((p) => (p === "matched" ? p : "waiting"));
    } catch (err) {
      setError((err as Error).message);
      setPhase("idle");
    }
  };

  const leave = async () => {
    await hub.current?.invoke("Leave");
    setPhase("idle");
    setSince(null);
  };

  return (
    <div className="lobby">
      <header className="lobby-header">
        <div>
          <p className="eyebrow">Pairing lobby</p>
          <h1>Find a practice partner</h1>
          <p className="muted">Queue as a candidate, an interviewer, or either. You are paired with the first compatible
            person, and both of you go straight to the interview room.</p>
        </div>
        <div className={`connection connection-${connectionClass}`} role="status" aria-label={`Connection: ${connectionLabel}`}>
          <span className="dot" aria-hidden="true" />
          {connectionLabel}
        </div>
      </header>

      <section className="lobby-counts" aria-label="Waiting now">
        <div><strong>{counts.candidates}</strong><span>{countLabel(counts.candidates, "candidate", "candidates").replace(/^\d+ /, "")} waiting</span></div>
        <div><strong>{counts.interviewers}</strong><span>{countLabel(counts.interviewers, "interviewer", "interviewers").replace(/^\d+ /, "")} waiting</span></div>
        <div><strong>{counts.either}</strong><span>waiting for either role</span></div>
      </section>

      {error && <div className="alert error" role="alert">{error}</div>}

      {phase === "waiting" || phase === "matched" ? (
        <section className="card lobby-waiting" aria-live="polite">
          <div className="spinner" aria-hidden="true" />
          <h2>{phase === "matched" ? "Matched! Opening the room…" : "Looking for a partner…"}</h2>
          {since && phase === "waiting" && <p className="wait-time" aria-label="Time waited">{waited(since, 0, now)}</p>}
          <p className="muted">Keep this page open: closing it leaves the queue.</p>
          {phase === "waiting" && <button type="button" className="button" onClick={() => void leave()}>Leave the queue</button>}
        </section>
      ) : (
        <form className="card lobby-form form" onSubmit={join}>
          <fieldset className="seat-choice">
            <legend>I want to be</legend>
            {[
              ["candidate", "The candidate", "Design a system and get scored."],
              ["interviewer", "The interviewer", "Run the framework and score."],
              ["either", "Either", "Fastest match: whichever seat is free."],
            ].map(([value, title, detail]) => (
              <label className="seat" key={value}>
                <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} />
                <span className="seat-title">{title}</span>
                <span className="seat-detail">{detail}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="lobby-rubric">Rubric</label>
            <select id="lobby-rubric" value={rubric} onChange={(e) => { setRubric(e.target.value); setCaseId(""); }}>
              {rubrics.map((r) => <option key={r.key} value={r.key}>{r.title}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="lobby-case">Case</label>
            <select id="lobby-case" value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <option value="">Any case (matches fastest)</option>
              {cases.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          </div>
          <button type="submit" className="button primary wide" disabled={phase !== "idle" || rubrics.length === 0}>
            {phase === "joining" ? (retrying ? "Reconnecting…" : "Joining…") : "Join the queue"}
          </button>
        </form>
      )}
    </div>
  );
}
