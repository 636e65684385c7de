import { useState } from "react";
import { connectionLabel, type ConnectionStatus } from "./connectionStatus";
import { type ParticipantView, partnerOf } from "./roomState";
import { useRoomConnection } from "./useRoomConnection";

export interface RoomProps {
  sessionId: string;
  hubUrl: string;
  inviteUrl: string;
}

export function RoomApp({ sessionId, hubUrl, inviteUrl }: RoomProps) {
  const { room, status } = useRoomConnection(hubUrl, sessionId);

  if (status.phase === "refused") {
    return (
      <div className="room-refused alert error" role="alert">
        <strong>You cannot join this interview.</strong> {status.detail}
      </div>
    );
  }

  const partner = partnerOf(room);
  return (
    <div className="room">
      <header className="room-header">
        <div>
          <p className="eyebrow">Mock interview</p>
          <h1 className="room-title">
            {room.myRole ? `You are the ${room.myRole.toLowerCase()}` : "Joining the room…"}
          </h1>
        </div>
        <ConnectionBadge status={status} />
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

      {room.loaded && partner && (
        <section className="room-next" aria-label="What happens next">
          <p>
            {partner.online
              ? `${partner.displayName} is here. The interview follows the 7-step framework.`
              : `${partner.displayName} has taken the other seat but is not connected right now.`}
          </p>
        </section>
      )}
    </div>
  );
}

function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  return (
    <div className={`connection connection-${status.phase}`} role="status" aria-label={`Connection: ${connectionLabel[status.phase]}`}>
      <span className="dot" aria-hidden="true" />
      <span>{connectionLabel[status.phase]}</span>
      {status.detail && status.phase !== "connected" && <span className="connection-detail">{status.detail}</span>}
    </div>
  );
}

function ParticipantCard({ participant, isMe }: { participant: ParticipantView; isMe: boolean }) {
  const presence = participant.online ? "online" : "offline";
  const role = participant.role.toLowerCase();
  return (
    <li
      className={`person ${presence}`}
      aria-label={`${participant.displayName}${isMe ? " (you)" : ""}, ${role}, ${presence}`}
    >
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
