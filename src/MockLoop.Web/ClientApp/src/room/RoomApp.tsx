import { useEffect, useState } from "react";
import { CallPanel } from "../call/CallPanel";
import { ScoringArea } from "../scoring/ScoringArea";
import type { ComponentType } from "../canvas/diagramTypes";
import { RoomCanvas } from "./RoomCanvas";
import { CasePanel } from "./CasePanel";
import { ChatPanel } from "./ChatPanel";
import { connectionLabel, type ConnectionStatus } from "./connectionStatus";
import { unsavedLabel } from "./storeRetry";
import { NotesPanel } from "./NotesPanel";
import { type ParticipantView, partnerOf } from "./roomState";
import { TimerBar } from "./TimerBar";
import { useLiveSession, newClientId } from "./useLiveSession";
import { useRoomConnection } from "./useRoomConnection";

export interface RoomProps {
  sessionId: string;
  hubUrl: string;
  inviteUrl: string;
  components: ComponentType[];
}

export function RoomApp({ sessionId, hubUrl, inviteUrl, components }: RoomProps) {
  const { room, status, connection, epoch } = useRoomConnection(hubUrl, sessionId);
  const { live, catchingUp, unsaved, loadOlderChat, lastError, clearError, command, submitOp } = useLiveSession(connection, epoch);
  // Before the early return: hooks run in the same order on every render.
  const returnMatch = useReturnMatch(connection, epoch);

  if (status.phase === "refused") {
    return (
      <div className="room-refused alert error" role="alert">
        <strong>You cannot join this interview.</strong> {status.detail}
      </div>
    );
  }

  const partner = partnerOf(room);
  const isInterviewer = room.myRole === "Interviewer";
  const timer = live.timer;
  const ended = timer?.status === "ended";
  const offline = status.phase !== "connected";
  const currentStep = timer?.steps[timer.currentStepIndex];

  return (
    <div className="room">
      <header className="room-header">
        <div>
          <p className="eyebrow">{live.rubric ? `${live.rubric.title} · v${live.rubric.version}` : "Mock interview"}</p>
          <h1 className="room-title">
            {live.caseView ? live.caseView.title : room.myRole ? `You are the ${room.myRole.toLowerCase()}` : "Joining the room…"}
          </h1>
          {room.myRole && live.caseView && <p className="muted room-subtitle">You are the {room.myRole.toLowerCase()}.</p>}
        </div>
        <ConnectionBadge status={status} catchingUp={catchingUp} unsaved={unsaved + (status.phase === "connected" ? 0 : live.pending.length)} />
      </header>

      <section className="room-people" aria-label="Participants">
        <ul className="people">
          {room.participants.map((p) => (
            <ParticipantCard key={p.userId} participant={p} isMe={p.userId === room.myUserId} />
          ))}
          {room.loaded && !partner && <li className="person empty">The other seat is open</li>}
        </ul>
        {room.loaded && !partner && <InviteLink url={inviteUrl} />}
      </section>

      {lastError && (
        <div className="alert error room-error" role="alert">
          {lastError}
          <button type="button" className="link-button" onClick={clearError} aria-label="Dismiss">Dismiss</button>
        </div>
      )}
      {ended && (
        <div className="alert ok ended-banner" role="status">
          <span>This interview has ended. It stays here read-only; find it again under <a href="/sessions">My sessions</a>.</span>
          {returnMatch ? (
            <a className="button primary" href={returnMatch.sessionUrl}>Join the return match ({returnMatch.startedBy} started it)</a>
          ) : (
            <button type="button" className="button primary" disabled={offline} onClick={async () => {
              const result = await command("StartReturnMatch");
              if (result.ok && result.location) window.location.assign(result.location);
            }}>
              Swap roles and go again
            </button>
          )}
        </div>
      )}

      {!live.loaded || !timer ? (
        <p className="loading" role="status">Loading the interview…</p>
      ) : (
        <>
          <TimerBar
            timer={timer}
            clockOffsetMs={live.clockOffsetMs}
            isInterviewer={isInterviewer}
            disabled={offline}
            onCommand={(cmd, stepIndex) => command("Timer", cmd, stepIndex ?? null, newClientId())}
          />
          <div className="room-grid">
            <div className="room-main">
              <RoomCanvas
                connection={connection}
                epoch={epoch}
                confirmed={live.diagram}
                pending={live.pending}
                components={components}
                readOnly={ended}
                onOp={submitOp}
              />
              <ScoringArea sessionId={sessionId} live={live} isInterviewer={isInterviewer} command={command} />
            </div>
            <aside className="room-side">
              <CallPanel connection={connection} epoch={epoch} myRole={room.myRole} partnerName={partner?.displayName} partnerOnline={partner?.online ?? false} />
              <CasePanel caseView={live.caseView} currentStepId={currentStep?.id} currentStepTitle={currentStep?.title} />
              {isInterviewer && currentStep && (
                <NotesPanel
                  stepId={currentStep.id}
                  stepTitle={currentStep.title}
                  note={live.notes[currentStep.id]}
                  readOnly={ended}
                  onSave={(stepId, text, clientId) => command("SaveNote", stepId, text, clientId)}
                />
              )}
              <ChatPanel
                messages={live.chat}
                myUserId={room.myUserId}
                readOnly={ended || offline}
                onSend={(text, clientId) => command("SendChat", text, clientId)}
                onLoadEarlier={live.olderChat ? loadOlderChat : undefined}
              />
            </aside>
          </div>
        </>
      )}
    </div>
  );
}

/** The return match's address once either participant has started it. */
function useReturnMatch(connection: ReturnType<typeof useRoomConnection>["connection"], epoch: number) {
  const [match, setMatch] = useState<{ sessionUrl: string; startedBy: string } | null>(null);
  useEffect(() => {
    const hub = connection.current;
    if (!hub) return;
    const onMatch = (m: { sessionUrl: string; startedBy: string }) => setMatch(m);
    hub.on("ReturnMatch", onMatch);
    return () => hub.off("ReturnMatch", onMatch);
  }, [connection, epoch]);
  return match;
}

function ConnectionBadge({ status, catchingUp, unsaved }: { status: ConnectionStatus; catchingUp: boolean; unsaved: number }) {
  const label = status.phase === "connected" && catchingUp ? "Catching up…" : connectionLabel[status.phase];
  const notStored = unsavedLabel(unsaved);
  return (
    <div className={`connection connection-${status.phase}`} role="status" aria-label={`Connection: ${label}`}>
      <span className="dot" aria-hidden="true" />
      <span>{label}</span>
      {status.detail && status.phase !== "connected" && <span className="connection-detail">{status.detail}</span>}
      {notStored && <span className="connection-unsaved" role="status" aria-label="Unsaved changes">{notStored}</span>}
    </div>
  );
}

function ParticipantCard({ participant, isMe }: { participant: ParticipantView; isMe: boolean }) {
  const presence = participant.online ? "online" : "offline";
  const role = participant.role.toLowerCase();
  return (
    <li className={`person ${presence}`} aria-label={`${participant.displayName}${isMe ? " (you)" : ""}, ${role}, ${presence}`}>
      <span className="avatar" aria-hidden="true">{initials(participant.displayName)}</span>
      <span className="person-text">
        <span className="person-name">
          {participant.displayName}
          {isMe && <span className="you"> (you)</span>}
        </span>
        <span className="person-role">{participant.role}</span>
      </span>
      <span className={`presence presence-${presence}`}>
        <span className="dot" aria-hidden="true" />
        {presence}
      </span>
    </li>
  );
}

function InviteLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard access can be denied; the field stays selectable for a manual copy.
      setCopied(false);
    }
  };
  return (
    <div className="invite">
      <label htmlFor="invite-url">Invite your partner with this link</label>
      <div className="invite-row">
        <input id="invite-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button primary" onClick={copy}>
          {copied ? "Copied" : "Copy link"}
        </button>
      </div>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? "?").slice(0, 2)).toUpperCase();
}
